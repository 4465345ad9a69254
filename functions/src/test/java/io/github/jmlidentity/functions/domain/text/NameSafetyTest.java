package io.github.jmlidentity.functions.domain.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The three Unicode checks behind look-alike names, on the cases issue #11 names and a few more. */
class NameSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {"breakglass-admin", "BREAKGLASS-ADMIN", "breakglass-admin\u034F", "breakglass-adm\u00EDn",
            "breakglass-admi\u0301n", "breakg1ass-admin", "breakgIass-admin", "br\u0435akglass-admin",
            "\uFF42reakglass-admin", "breakglass\u200B-admin", "breakglass-adm\u0131n"})
    void look_alikes_of_a_protected_name_fold_to_its_skeleton(String lookAlike) {
        assertThat(ConfusableFold.lookAlike("breakglass-admin", lookAlike)).isTrue();
    }

    @Test
    void different_names_keep_different_skeletons() {
        assertThat(ConfusableFold.lookAlike("jane.doe", "john.doe")).isFalse();
        assertThat(ConfusableFold.lookAlike("breakglass-admin", "breakglass-admins")).isFalse();
        assertThat(ConfusableFold.lookAlike("ops-emergency", "0ps-emergency")).isTrue();
        assertThat(ConfusableFold.lookAlike("modern", "rnodern")).isTrue();
        // not in the table: a digit that only loosely looks like a letter stays itself
        assertThat(ConfusableFold.lookAlike("breakglass-admin", "6reakglass-admin")).isFalse();
    }

    @Test
    void invisible_characters_include_format_characters_and_default_ignorable_marks_and_letters() {
        for (int cp : new int[] {0x034F, 0x200B, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x115F, 0x3164, 0xFE0F, 0xE0100, 0x2800}) {
            assertThat(InvisibleCharacters.isInvisible(cp)).as("U+%04X", cp).isTrue();
        }
        for (int cp : new int[] {'a', 0x0301, 0x00E9, 0x4E2D, ' ', 0x00A0}) {
            assertThat(InvisibleCharacters.isInvisible(cp)).as("U+%04X", cp).isFalse();
        }
        assertThat(InvisibleCharacters.describe(0x034F)).isEqualTo("U+034F COMBINING GRAPHEME JOINER");
    }

    @Test
    void user_names_in_one_script_or_an_allowed_combination_are_not_mixed() {
        assertThat(ScriptMix.isMixed("jane.doe")).isFalse();
        assertThat(ScriptMix.isMixed("jos\u00E9.garc\u00EDa")).isFalse();
        assertThat(ScriptMix.isMixed("\u0438\u0432\u0430\u043D.\u043F\u0435\u0442\u0440\u043E\u0432")).isFalse(); // иван.петров
        assertThat(ScriptMix.isMixed("\u5C71\u7530\u305F\u308D\u3046-yamada")).isFalse(); // Han + Hiragana + Latin
        assertThat(ScriptMix.isMixed("j\u0430ne.doe")).isTrue(); // Cyrillic а
        assertThat(ScriptMix.isMixed("\u03B1lice")).isTrue(); // Greek α
    }
}
