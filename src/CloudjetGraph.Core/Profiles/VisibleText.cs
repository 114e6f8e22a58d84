using System.Buffers;
using System.Globalization;
using System.Text;

namespace CloudjetGraph.Core.Profiles;

/// <summary>
/// Character checks shared by the value rules: what a reader cannot see must not hide in a stored
/// value, because an invisible or reordering character makes two different values look alike.
/// </summary>
internal static class VisibleText
{
    /// <summary>
    /// More combining marks than this on one base character is stacking noise ("Zalgo"), not
    /// writing: NFC leaves at most two on Vietnamese letters, and Thai or Devanagari need three.
    /// </summary>
    public const int MaxCombiningMarks = 4;

    /// <summary>
    /// Letters that render as blank space (Hangul fillers) and the blank braille pattern: a name
    /// made of them looks empty although it holds a "letter".
    /// </summary>
    private static readonly SearchValues<char> BlankLookingLetters = SearchValues.Create("\u115F\u1160\u3164\uFFA0\u2800");

    /// <summary>
    /// Whether the value holds a control character, a format character (zero-width spaces and
    /// joiners, bidi embeddings, overrides, isolates and marks, the soft hyphen, the BOM), a line
    /// or paragraph separator, a private-use or unassigned code point, a blank-looking letter, or a
    /// lone surrogate.
    /// </summary>
    public static bool HasHiddenCharacter(string value)
    {
        return value.AsSpan().IndexOfAny(BlankLookingLetters) >= 0
            || !IsWellFormedUtf16(value)
            || value.EnumerateRunes().Any(rune => Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);
    }

    /// <summary>Whether every surrogate is half of a pair; a lone one turns into U+FFFD wherever the value is encoded.</summary>
    public static bool IsWellFormedUtf16(string value)
    {
        for (var index = 0; index < value.Length;)
        {
            if (!Rune.TryGetRuneAt(value, index, out var rune))
            {
                return false;
            }

            index += rune.Utf16SequenceLength;
        }

        return true;
    }

    /// <summary>Whether the value has at least one letter or digit, so it is not only spaces, marks and punctuation.</summary>
    public static bool HasLetterOrDigit(string value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether every combining mark sits on a base character, at most <see cref="MaxCombiningMarks"/> per base.</summary>
    public static bool HasWellFormedMarks(string value)
    {
        // Starting at the limit refuses a mark at the very start, which has no base to sit on.
        var run = MaxCombiningMarks;
        foreach (var rune in value.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                if (++run > MaxCombiningMarks)
                {
                    return false;
                }
            }
            else
            {
                run = 0;
            }
        }

        return true;
    }
}
