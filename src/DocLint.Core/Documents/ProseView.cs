using System.Buffers;

namespace DocLint.Core.Documents;

/// <summary>
/// The start of every reader's prose view: the source with every character but line breaks made a space, into which
/// a reader copies the prose it finds (docs/architecture.md, "The masked prose view").
/// </summary>
internal static class ProseView
{
    /// <summary>Replaces every character but line breaks with a space.</summary>
    public static void Blank(Span<char> chars) => Blank(chars, chars);

    /// <summary>
    /// Writes <paramref name="text"/> into <paramref name="chars"/> (as long, or the same span) with every character
    /// but line breaks a space: the start of every reader's prose view. The breaks are searched for and the runs
    /// between them filled, both vectorised.
    /// </summary>
    public static void Blank(ReadOnlySpan<char> text, Span<char> chars)
    {
        var at = 0;
        while (at < text.Length)
        {
            var next = text[at..].IndexOfAny('\n', '\r');
            var run = next < 0 ? text.Length - at : next;
            chars.Slice(at, run).Fill(' ');
            at += run;
            if (at < text.Length)
            {
                chars[at] = text[at];
                at++;
            }
        }
    }

    /// <summary>
    /// A pooled array holding <paramref name="text"/> blanked (<see cref="Blank(ReadOnlySpan{char}, Span{char})"/>) in its
    /// first <c>text.Length</c> characters; it may be longer. <see cref="ToStringAndReturn"/> gives it back: a reader
    /// reuses memory already touched instead of a fresh array the size of its file.
    /// </summary>
    public static char[] RentBlanked(string text)
    {
        var chars = ArrayPool<char>.Shared.Rent(text.Length);
        Blank(text, chars.AsSpan(0, text.Length));
        return chars;
    }

    /// <summary>The first <paramref name="length"/> characters of a <see cref="RentBlanked"/> array as a string; the array goes back to the pool.</summary>
    public static string ToStringAndReturn(char[] chars, int length)
    {
        var prose = new string(chars, 0, length);
        ArrayPool<char>.Shared.Return(chars);
        return prose;
    }
}
