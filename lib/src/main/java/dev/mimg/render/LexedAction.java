package dev.mimg.render;

import java.util.List;

/** The tokens of one action, the index just past its closing {@code }}}, and whether it ends with {@code -}}}. */
record LexedAction(List<Token> tokens, int end, boolean trimsFollowingText) {
}
