package org.arr.data;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * An immutable, ordered collection of documents with unique ids. The position of a document
 * (its index) is stable and is what models and docID schemes use internally.
 */
public final class Corpus {

    private final IdIndex<Document> index;

    /**
     * Creates a corpus.
     *
     * @throws IllegalArgumentException if two documents share an id
     */
    public Corpus(List<Document> documents) {
        this.index = new IdIndex<>(documents, Document::id, "document");
    }

    /** Returns the documents in corpus order. */
    public List<Document> documents() {
        return index.items();
    }

    public int size() {
        return index.size();
    }

    public boolean isEmpty() {
        return index.size() == 0;
    }

    /** Returns the document at a position in {@code [0, size())}. */
    public Document get(int position) {
        return index.get(position);
    }

    /** Returns the position of a document id, or -1 when the corpus does not contain it. */
    public int indexOf(String documentId) {
        return index.indexOf(documentId);
    }

    public boolean contains(String documentId) {
        return index.indexOf(documentId) >= 0;
    }

    /**
     * Returns the document with an id.
     *
     * @throws NoSuchElementException if the corpus does not contain it
     */
    public Document get(String documentId) {
        int position = index.indexOf(documentId);
        if (position < 0) {
            throw new NoSuchElementException("Document id '" + documentId + "' is not in the corpus");
        }
        return index.get(position);
    }
}
