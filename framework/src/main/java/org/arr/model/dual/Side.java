package org.arr.model.dual;

/** The tower of a dual encoder that encodes an input: the query side or the document side. */
public enum Side {
    QUERY,
    DOCUMENT
}
