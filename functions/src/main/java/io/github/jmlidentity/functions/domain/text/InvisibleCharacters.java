package io.github.jmlidentity.functions.domain.text;

import java.util.OptionalInt;

/**
 * Characters that render as nothing, so that a name holding one looks like the same name without it
 * ({@code breakglass-admin} followed by U+034F looks exactly like {@code breakglass-admin}): every format character
 * (Unicode category Cf: zero-width space, joiners, bidi marks, soft hyphen...) and the default-ignorable code points
 * of other categories, which the Identity Store's own text patterns accept because they are marks or letters:
 * <ul>
 * <li>U+034F COMBINING GRAPHEME JOINER, U+17B4 and U+17B5 (Khmer inherent vowels), U+180B to U+180F (Mongolian
 * variation selectors), U+FE00 to U+FE0F and U+E0100 to U+E01EF (variation selectors): marks;</li>
 * <li>U+115F, U+1160, U+3164 and U+FFA0 (Hangul fillers): letters;</li>
 * <li>U+2800 BRAILLE PATTERN BLANK: a symbol that renders blank;</li>
 * <li>U+E0000 to U+E0FFF (tags and the rest of that block).</li>
 * </ul>
 * Source: the Default_Ignorable_Code_Point property of the Unicode Character Database (DerivedCoreProperties.txt),
 * which Java's regular expressions do not expose.
 */
public final class InvisibleCharacters {

    private InvisibleCharacters() {
    }

    public static boolean isInvisible(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT
                || codePoint == 0x034F
                || codePoint == 0x115F || codePoint == 0x1160
                || codePoint == 0x17B4 || codePoint == 0x17B5
                || (codePoint >= 0x180B && codePoint <= 0x180F)
                || codePoint == 0x2800
                || codePoint == 0x3164
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
                || codePoint == 0xFFA0
                || (codePoint >= 0xE0000 && codePoint <= 0xE0FFF);
    }

    /** The first invisible character of {@code text}, if any. */
    public static OptionalInt firstIn(String text) {
        return text.codePoints().filter(InvisibleCharacters::isInvisible).findFirst();
    }

    /** How a reason names a character without printing it: U+034F COMBINING GRAPHEME JOINER. */
    public static String describe(int codePoint) {
        String name = Character.getName(codePoint);
        return String.format(java.util.Locale.ROOT, "U+%04X", codePoint) + (name == null ? "" : " " + name);
    }
}
