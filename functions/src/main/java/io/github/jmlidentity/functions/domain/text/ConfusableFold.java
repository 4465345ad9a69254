package io.github.jmlidentity.functions.domain.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Folds a name to a skeleton on which look-alikes compare equal, for comparing a name with the protected users'
 * names: {@code breakglass-admin}, {@code BreakGlass-Admin}, {@code breakglass-admín}, {@code breakgIass-admin},
 * {@code breakg1ass-adm1n} and {@code brеakglass-admin} (Cyrillic е) all fold to the same skeleton. A skeleton is
 * only ever compared with another skeleton; it is not a display form.
 *
 * <p>The fold: compatibility decomposition (NFKD: full-width and mathematical letters become plain ones, accents
 * become separate marks), then drop every mark and every invisible character ({@link InvisibleCharacters}), lower
 * case, then the look-alike table below (Cyrillic and Greek letters that look like Latin ones, digits and symbols
 * that look like letters), then the letter pairs that look like one letter ({@code rn} as {@code m}, {@code vv} as
 * {@code w}). The table is small on purpose (ICU4J's SpoofChecker covers the whole of Unicode's confusables.txt but
 * weighs 15 MB, too much for the functions jar): it covers what a Latin-script protected name can be imitated with;
 * mixed-script user names are refused anyway ({@link ScriptMix}).
 */
public final class ConfusableFold {

    /** Lower-case look-alikes of lower-case Latin letters, after NFKD and lower casing. */
    private static final Map<Integer, String> LOOK_ALIKES = Map.ofEntries(
            // Cyrillic
            Map.entry(0x0430, "a"), Map.entry(0x0432, "b"), Map.entry(0x0441, "c"), Map.entry(0x0501, "d"),
            Map.entry(0x0435, "e"), Map.entry(0x04BB, "h"), Map.entry(0x043D, "h"), Map.entry(0x0456, "i"),
            Map.entry(0x0458, "j"), Map.entry(0x043A, "k"), Map.entry(0x04CF, "l"), Map.entry(0x043C, "m"),
            Map.entry(0x043E, "o"), Map.entry(0x0440, "p"), Map.entry(0x051B, "q"), Map.entry(0x0455, "s"),
            Map.entry(0x0442, "t"), Map.entry(0x0475, "v"), Map.entry(0x051D, "w"), Map.entry(0x0445, "x"),
            Map.entry(0x0443, "y"),
            // Greek
            Map.entry(0x03B1, "a"), Map.entry(0x03B2, "b"), Map.entry(0x03B5, "e"), Map.entry(0x03B7, "n"),
            Map.entry(0x03B9, "i"), Map.entry(0x03BA, "k"), Map.entry(0x03BC, "u"), Map.entry(0x03BD, "v"),
            Map.entry(0x03BF, "o"), Map.entry(0x03C1, "p"), Map.entry(0x03C4, "t"), Map.entry(0x03C5, "u"),
            Map.entry(0x03C7, "x"), Map.entry(0x03C9, "w"), Map.entry(0x03B3, "y"), Map.entry(0x03B6, "z"),
            // Latin letters that look like others
            Map.entry(0x0131, "i"), Map.entry(0x0261, "g"), Map.entry(0x0251, "a"),
            // digits and symbols that look like letters: 0/o, 1/l/I/i, 5/s
            Map.entry((int) '0', "o"), Map.entry((int) '1', "l"), Map.entry((int) '|', "l"), Map.entry((int) '5', "s"));

    private ConfusableFold() {
    }

    public static String skeleton(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK || InvisibleCharacters.isInvisible(cp)) {
                return;
            }
            String lower = new String(Character.toChars(cp)).toLowerCase(Locale.ROOT);
            lower.codePoints().forEach(l -> folded.append(LOOK_ALIKES.getOrDefault(l, new String(Character.toChars(l)))));
        });
        // i and l are one shape in many fonts (and I, 1, | with them): one letter in the skeleton.
        return folded.toString().replace('i', 'l').replace("rn", "m").replace("vv", "w");
    }

    /** Whether two names look alike (equal skeletons); equal names ignoring case always do. */
    public static boolean lookAlike(String a, String b) {
        return a != null && b != null && skeleton(a).equals(skeleton(b));
    }
}
