package org.arr.datasets.wordnet;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * Noun synset keys ({@code n} followed by the 8-digit offset in {@code data.noun}, e.g. {@code n00015568}) and
 * the lookup of a synset from a user's spec. Offsets are specific to a WordNet version (WordNet 3.1's
 * {@code n00015568} is 3.0's {@code n00015388}), while a lemma with a sense number usually names the same
 * concept in both.
 */
public final class SynsetKeys {

    private static final Pattern OFFSET = Pattern.compile("n?(\\d{1,8})");
    private static final Pattern NLTK_NAME = Pattern.compile("(.+)\\.n\\.(\\d+)");
    private static final Pattern LEMMA_SENSE = Pattern.compile("(.+)#(\\d+)");

    private SynsetKeys() {
    }

    /** Returns the key of a noun synset: {@code n} and its offset padded to 8 digits. */
    public static String key(Synset synset) {
        return String.format("n%08d", synset.getOffset());
    }

    /**
     * Finds the noun synset a spec names: an offset ({@code n00015568} or {@code 15568}), a lemma with a
     * 1-based sense number ({@code animal#1}, or NLTK's {@code animal.n.01}), or a bare lemma (its first
     * sense). Underscores in lemmas stand for spaces ({@code domestic_animal}).
     *
     * @throws IllegalArgumentException if no noun synset matches
     * @throws JWNLException if the dictionary cannot be read
     */
    public static Synset find(Dictionary dictionary, String spec) throws JWNLException {
        String trimmed = spec.trim();
        Matcher offset = OFFSET.matcher(trimmed);
        if (offset.matches()) {
            Synset synset = dictionary.getSynsetAt(POS.NOUN, Long.parseLong(offset.group(1)));
            if (synset == null) {
                throw new IllegalArgumentException("No noun synset at offset " + offset.group(1) + " in WordNet "
                        + versionOf(dictionary) + "; offsets differ between WordNet versions, so a lemma with a "
                        + "sense number such as animal#1 is more portable");
            }
            return synset;
        }

        String lemma = trimmed;
        int sense = 1;
        Matcher nltk = NLTK_NAME.matcher(trimmed);
        Matcher numbered = LEMMA_SENSE.matcher(trimmed);
        if (nltk.matches()) {
            lemma = nltk.group(1);
            sense = Integer.parseInt(nltk.group(2));
        } else if (numbered.matches()) {
            lemma = numbered.group(1);
            sense = Integer.parseInt(numbered.group(2));
        }
        IndexWord word = dictionary.getIndexWord(POS.NOUN, lemma.replace('_', ' '));
        if (word == null) {
            throw new IllegalArgumentException("No noun '" + lemma + "' in WordNet " + versionOf(dictionary)
                    + "; give a noun lemma (animal), a lemma with a sense number (animal#1) or a synset key (n00015568)");
        }
        List<Synset> senses = word.getSenses();
        if (sense < 1 || sense > senses.size()) {
            throw new IllegalArgumentException("Invalid sense number " + sense + " for noun '" + lemma + "': it has "
                    + senses.size() + " noun senses, numbered from 1");
        }
        return senses.get(sense - 1);
    }

    static String versionOf(Dictionary dictionary) {
        return dictionary.getVersion() == null ? "(unknown version)" : String.valueOf(dictionary.getVersion().getNumber());
    }
}
