package io.github.jmlidentity.functions.domain.text;

import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which writing systems a name uses. A user name in one script (letters of Common and Inherited, such as digits,
 * '.', '-' and combining accents, go with any) cannot pass for another by swapping one letter for a look-alike from
 * another script ({@code jаne.doe} with a Cyrillic а is Latin and Cyrillic). The combinations that real names need
 * stay allowed: Latin with Han and Japanese kana, with Han and Bopomofo, with Han and Hangul. This is the "Highly
 * Restrictive" level of Unicode Technical Standard #39 (Unicode Security Mechanisms), section 5.2.
 */
public final class ScriptMix {

    private static final Set<UnicodeScript> NEUTRAL = EnumSet.of(UnicodeScript.COMMON, UnicodeScript.INHERITED,
            UnicodeScript.UNKNOWN);
    private static final List<Set<UnicodeScript>> ALLOWED_COMBINATIONS = List.of(
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL));

    private ScriptMix() {
    }

    /** The scripts {@code text} uses, Common and Inherited left out. */
    public static Set<UnicodeScript> scripts(String text) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        text.codePoints().mapToObj(UnicodeScript::of).filter(s -> !NEUTRAL.contains(s)).forEach(scripts::add);
        return scripts;
    }

    /** More than one script, in a combination no real name needs. */
    public static boolean isMixed(String text) {
        Set<UnicodeScript> scripts = scripts(text);
        return scripts.size() > 1 && ALLOWED_COMBINATIONS.stream().noneMatch(allowed -> allowed.containsAll(scripts));
    }
}
