package org.placementmatcher.contract;

import java.util.List;

/**
 * The contract's rules for text (section 10): ids, codes and other strings at most
 * {@value #MAX_CODE_LENGTH} characters, free text (such as a decision's reason) at most
 * {@value #MAX_FREE_TEXT_LENGTH}; no control characters (NUL included) and no unpaired surrogates in
 * either, so that whatever is stored reads back exactly as written. Characters are counted as Unicode
 * code points, so a letter outside the Basic Multilingual Plane counts once.
 * <p>
 * Every reader of input calls these, the problem's validator as much as the register's decisions.
 */
public final class TextRules {

    public static final int MAX_CODE_LENGTH = 100;
    public static final int MAX_FREE_TEXT_LENGTH = 2000;
    /** Longest part of a rejected value echoed in a message: a message must stay small whatever it quotes. */
    static final int MAX_QUOTED_LENGTH = 40;

    private TextRules() {}

    /** Why the text cannot be an id, code or other short string, or null when it can. */
    public static String codeProblem(String text) {
        return problem(text, MAX_CODE_LENGTH);
    }

    /** Why the text cannot be free text (a reason, a note), or null when it can. */
    public static String freeTextProblem(String text) {
        return problem(text, MAX_FREE_TEXT_LENGTH);
    }

    /** As {@link #codeProblem}, refused as invalid input (400) naming the path. */
    public static String requireCode(String path, String text) {
        return require(path, text, MAX_CODE_LENGTH);
    }

    /** As {@link #freeTextProblem}, refused as invalid input (400) naming the path. */
    public static String requireFreeText(String path, String text) {
        return require(path, text, MAX_FREE_TEXT_LENGTH);
    }

    private static String require(String path, String text, int maxLength) {
        String problem = problem(text, maxLength);
        if (problem != null) {
            throw new InvalidProblemException(List.of(new ProblemError(path, problem)));
        }
        return text;
    }

    /** Why the text breaks the rules at that length, or null; a null text is no problem here (required is the caller's). */
    public static String problem(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        int characters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired surrogate (at character " + (characters + 1) + ")";
            } else if (Character.isISOControl(c)) {
                return "must not contain control characters (U+" + String.format("%04X", (int) c) + " at character "
                        + (characters + 1) + ")";
            }
            characters++;
            if (characters > maxLength) {
                return "must be at most " + maxLength + " characters";
            }
        }
        return null;
    }

    /**
     * The value as a message may quote it: at most {@value #MAX_QUOTED_LENGTH} characters, then "…", with
     * control characters and lone surrogates shown as escapes, so a message never carries a huge or hostile value.
     */
    public static String quote(String text) {
        return "'" + shortened(text, MAX_QUOTED_LENGTH) + "'";
    }

    /** The text cut to {@code maxCharacters} (then "…"), control characters and lone surrogates shown as escapes. */
    public static String shortened(String text, int maxCharacters) {
        StringBuilder quoted = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < text.length() && shown < maxCharacters; i++, shown++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                quoted.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || Character.isISOControl(c)) {
                quoted.append(String.format("\\u%04X", (int) c));
            } else {
                quoted.append(c);
            }
        }
        if (text.codePointCount(0, text.length()) > shown) {
            quoted.append('…');
        }
        return quoted.toString();
    }

    /** What a reference to a child id that names no child is told (the same wherever a child is not to be known). */
    public static String unknownChildId(String id) {
        return "unknown child id '" + id + "'";
    }
}
