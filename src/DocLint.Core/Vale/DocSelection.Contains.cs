using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using AngleSharp.Css;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;

namespace DocLint.Core.Vale;

/// <summary>
/// <c>:contains</c> read from one index of the document's text. The engine's own <c>:contains("x")</c> tests
/// <c>element.TextContent.Contains("x")</c>, building each tested element's text anew; here the text of every element is
/// a span of one string, the document's text nodes in order, and an element contains "x" when an occurrence of "x" lies
/// within its span: a binary search among the occurrences, which are found once per document and argument.
/// </summary>
internal sealed partial class DocSelection
{
    /// <summary>The name of the pseudo-class that stands for <c>:contains</c>; the argument follows as four hex digits a character.</summary>
    private const string ContainsName = "-doclint-contains-x";

    private TextIndex? _text;

    /// <summary>True when the text of <paramref name="element"/> contains <paramref name="value"/> (ordinal), as the engine's <c>:contains</c>.</summary>
    private bool TextContains(IElement element, string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        var index = _text ??= new TextIndex(_dom);
        if (!index.Spans.TryGetValue(element, out var span))
        {
            // Not in the document's tree.
            return element.TextContent.Contains(value, StringComparison.Ordinal);
        }

        var occurrences = index.Occurrences(value);
        var first = Array.BinarySearch(occurrences, span.Start);
        first = first < 0 ? ~first : first;
        return first < occurrences.Length && occurrences[first] + value.Length <= span.End;
    }

    /// <summary>The text of a document's nodes in order, with the span of each element's text in it.</summary>
    private sealed class TextIndex
    {
        private readonly string _text;
        private readonly ConcurrentDictionary<string, int[]> _occurrences = new(StringComparer.Ordinal);

        public TextIndex(IDocument dom)
        {
            var text = new StringBuilder();
            // An element is pushed with start -1 on entry and again with its start once its children are pushed.
            var stack = new Stack<(INode Node, int Start)>();
            if (dom.DocumentElement is { } root)
            {
                stack.Push((root, -1));
            }

            while (stack.Count > 0)
            {
                var (node, start) = stack.Pop();
                if (node is IText leaf)
                {
                    text.Append(leaf.Data);
                }
                else if (node is IElement element)
                {
                    if (start >= 0)
                    {
                        Spans[element] = (start, text.Length);
                        continue;
                    }

                    stack.Push((element, text.Length));
                    var children = element.ChildNodes;
                    for (var i = children.Length - 1; i >= 0; i--)
                    {
                        stack.Push((children[i], -1));
                    }
                }
            }

            _text = text.ToString();
        }

        public Dictionary<IElement, (int Start, int End)> Spans { get; } = new(ReferenceEqualityComparer.Instance);

        /// <summary>Where <paramref name="value"/> starts in the text, overlapping occurrences included, in order.</summary>
        public int[] Occurrences(string value) => _occurrences.GetOrAdd(value, v =>
        {
            var found = new List<int>();
            for (var at = _text.IndexOf(v, StringComparison.Ordinal); at >= 0; at = _text.IndexOf(v, at + 1, StringComparison.Ordinal))
            {
                found.Add(at);
            }

            return [.. found];
        });
    }

    /// <summary>The document's pseudo-classes: the engine's, and <see cref="ContainsName"/> answered from its text index.</summary>
    private sealed class PseudoClasses(DocSelection owner) : IPseudoClassSelectorFactory
    {
        private readonly DefaultPseudoClassSelectorFactory _engine = new();

        public ISelector? Create(string name) =>
            !name.StartsWith(ContainsName, StringComparison.Ordinal) ? _engine.Create(name)
            : DecodeHex(name.AsSpan(ContainsName.Length)) is { } value ? new ContainsSelector(owner, value, name)
            : null;
    }

    private sealed class ContainsSelector(DocSelection owner, string value, string name) : ISelector
    {
        public string Text => ":" + name;

        public Priority Specificity => Priority.OneClass;

        public void Accept(ISelectorVisitor visitor) => visitor.PseudoClass(name);

        public bool Match(IElement element, IElement? scope) => owner.TextContains(element, value);
    }

    /// <summary>
    /// <paramref name="selector"/> with each <c>:contains(…)</c> whose argument is one string or a plain name written as
    /// <see cref="ContainsName"/> and the argument's characters; the same instance when there is none. Other arguments (escaped
    /// names, several tokens, comments) are left to the engine.
    /// </summary>
    private static string IndexedContains(string selector)
    {
        const string Contains = ":contains(";
        StringBuilder? result = null;
        var copied = 0;
        for (var i = 0; i < selector.Length; i++)
        {
            var c = selector[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c is '"' or '\'')
            {
                i = StringEnd(selector, i);
            }
            else if (c == '/' && i + 1 < selector.Length && selector[i + 1] == '*')
            {
                var close = selector.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? selector.Length : close + 1;
            }
            else if (c == ':' && (i == 0 || selector[i - 1] != ':')
                && string.Compare(selector, i, Contains, 0, Contains.Length, StringComparison.OrdinalIgnoreCase) == 0
                && ArgumentEnd(selector, i + Contains.Length) is var end && end < selector.Length
                && ReadArgument(selector.AsSpan(i + Contains.Length, end - i - Contains.Length)) is { } value)
            {
                result ??= new StringBuilder(selector.Length + 64);
                result.Append(selector, copied, i - copied).Append(':').Append(ContainsName);
                foreach (var ch in value)
                {
                    result.Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
                }

                copied = end + 1;
                i = end;
            }
        }

        return result is null ? selector : result.Append(selector, copied, selector.Length - copied).ToString();
    }

    /// <summary>The index of the quote that closes the string opened at <paramref name="open"/> (a backslash escapes the next character), or the end.</summary>
    private static int StringEnd(string text, int open)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == text[open])
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>The index of the ')' that closes an argument starting at <paramref name="from"/>, outside strings, or the end.</summary>
    private static int ArgumentEnd(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] is '"' or '\'')
            {
                i = StringEnd(text, i);
            }
            else if (text[i] == ')')
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>
    /// The value of an argument that is one CSS string (escapes read as CSS reads them) or a name of letters, digits, '_',
    /// '-' and characters outside ASCII, not starting with a digit or '-', with white space around; null for any other.
    /// </summary>
    private static string? ReadArgument(ReadOnlySpan<char> argument)
    {
        argument = argument.Trim(" \t\n\r\f");
        if (argument.IsEmpty || argument.ContainsAny('\n', '\r', '\f'))
        {
            return null;
        }

        if (argument[0] is not ('"' or '\''))
        {
            foreach (var c in argument)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' || c >= 0x80))
                {
                    return null;
                }
            }

            return char.IsAsciiLetter(argument[0]) || argument[0] is '_' or >= (char)0x80 ? argument.ToString() : null;
        }

        var value = new StringBuilder(argument.Length);
        var i = 1;
        while (i < argument.Length)
        {
            var c = argument[i];
            if (c == argument[0])
            {
                return i == argument.Length - 1 ? value.ToString() : null;
            }

            if (c != '\\')
            {
                value.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= argument.Length)
            {
                return null;
            }

            var digits = 0;
            while (digits < 6 && i + 1 + digits < argument.Length && char.IsAsciiHexDigit(argument[i + 1 + digits]))
            {
                digits++;
            }

            if (digits == 0)
            {
                value.Append(argument[i + 1]);
                i += 2;
                continue;
            }

            var code = int.Parse(argument.Slice(i + 1, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            value.Append(code == 0 || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF ? "\uFFFD" : char.ConvertFromUtf32(code));
            i += 1 + digits;
            if (i < argument.Length && argument[i] is ' ' or '\t')
            {
                i++;
            }
        }

        return null;
    }

    /// <summary>The characters written as four hex digits each, or null.</summary>
    private static string? DecodeHex(ReadOnlySpan<char> hex)
    {
        if (hex.Length % 4 != 0)
        {
            return null;
        }

        var chars = new char[hex.Length / 4];
        for (var i = 0; i < chars.Length; i++)
        {
            if (!ushort.TryParse(hex.Slice(i * 4, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var c))
            {
                return null;
            }

            chars[i] = (char)c;
        }

        return new string(chars);
    }
}
