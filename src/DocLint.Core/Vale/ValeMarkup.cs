using System.Collections.Frozen;
using System.Collections.Immutable;
using DocLint.Core.Documents.Html;
using DocLint.Core.Text;

namespace DocLint.Core.Vale;

/// <summary>
/// What Vale's walk over a file's HTML (HTML itself, and the HTML Markdown holds) leaves out or marks: the
/// elements of <c>SkippedScopes</c> and the block elements of an ignored class are skipped whole; the text of
/// the inline elements of <c>IgnoredScopes</c> and of the inline elements of an ignored class stands as
/// <c>*</c>; <c>td</c>, <c>th</c> and <c>caption</c> give the scopes <c>table.cell</c>, <c>table.header</c> and
/// <c>table.caption</c> to the text inside them; the content of <c>data</c> is the <c>meta</c> scope, not text. One pass
/// over the tags, each tag read once.
/// </summary>
internal static class ValeMarkup
{
    /// <summary>Vale's default <c>SkippedScopes</c>: block-level tags whose content is never linted.</summary>
    public static readonly ImmutableArray<string> DefaultSkippedScopes = ["script", "style", "pre", "figure", "noscript", "iframe"];

    /// <summary>Vale's default <c>IgnoredScopes</c>: inline tags whose text stands as <c>*</c>.</summary>
    public static readonly ImmutableArray<string> DefaultIgnoredScopes = ["code", "tt", "kbd"];

    /// <summary>Classes Vale always ignores (added by rst2html to errors and code); <c>IgnoredClasses</c> adds to them.</summary>
    public static readonly ImmutableArray<string> BuiltInIgnoredClasses = ["problematic", "pre", "code"];

    private static readonly FrozenSet<string> InlineTags = FrozenSet.Create(
        StringComparer.Ordinal,
        "b", "big", "i", "small", "abbr", "acronym", "cite", "dfn", "em", "kbd", "strong", "a", "br", "img", "span", "sub", "sup", "code", "tt", "del");

    private static readonly System.Buffers.SearchValues<char> ValueEnd = System.Buffers.SearchValues.Create(" \t\r\n>/");

    private static readonly FrozenSet<string> RawTextTags = FrozenSet.Create(StringComparer.Ordinal, "script", "style", "textarea");

    /// <summary>
    /// A document's per-character marks, as bits of one byte per character (the bits below; the two low bits are the
    /// document's kind of inline code, <see cref="CodeBits"/>), and what a scan finds beside them: the table parts and
    /// the <c>meta</c> scope.
    /// </summary>
    public sealed class Marks(byte[] flags)
    {
        /// <summary>The bits of the kind of inline code, which the document sets itself.</summary>
        public const byte CodeBits = 3;

        /// <summary>The bit of a character that TokenIgnores, BlockIgnores or a bare URL leaves out.</summary>
        public const byte Ignored = 4;

        /// <summary>The bit of a skipped character (SkippedScopes, an ignored class on a block).</summary>
        public const byte Skipped = 8;

        /// <summary>The bit of a character that stands as <c>*</c> (IgnoredScopes, an ignored class on an inline element).</summary>
        public const byte Starred = 16;

        /// <summary>The bit of white space inside a tag (<c>&lt;a href="…"&gt;</c>): markup, not a space between words.</summary>
        public const byte InTag = 32;

        /// <summary>
        /// The bit of the first character of markup that stands as one space in Markdown, so the words either side do not
        /// meet: a line break written as a tag (<c>&lt;br&gt;</c>), an HTML comment.
        /// </summary>
        public const byte LineBreak = 64;

        /// <summary>The bit of the text of a code or tt element written as HTML in a Markdown file.</summary>
        public const byte HtmlCode = 128;

        /// <summary>True once a character is skipped.</summary>
        public bool AnySkipped { get; private set; }

        public List<(TextSpan Span, string Scope)> TableParts { get; } = [];

        /// <summary>The content of each <c>&lt;data&gt;</c> element: the <c>meta</c> scope, not text.</summary>
        public List<TextSpan> Meta { get; } = [];

        public void Skip(int start, int count)
        {
            Set(start, count, Skipped);
            AnySkipped |= count > 0;
        }

        public void Star(int start, int count) => Set(start, count, Starred);

        public void MarkTagSpaces(string text, int start, int end)
        {
            for (var i = text.AsSpan(start, end - start).IndexOfAny(TagSpace); i >= 0 && start + i < end;)
            {
                flags[start + i] |= InTag;
                var next = text.AsSpan(start + i + 1, end - start - i - 1).IndexOfAny(TagSpace);
                i = next < 0 ? -1 : i + 1 + next;
            }
        }

        /// <summary>Sets <paramref name="flag"/> on <paramref name="count"/> characters from <paramref name="start"/>.</summary>
        public void Set(int start, int count, byte flag)
        {
            foreach (ref var f in flags.AsSpan(start, count))
            {
                f |= flag;
            }
        }

        private static readonly System.Buffers.SearchValues<char> TagSpace = System.Buffers.SearchValues.Create(" \t\r\n");
    }

    /// <summary>
    /// Scans the tags of <paramref name="text"/> in <paramref name="region"/>; a '<c>&lt;</c>' where
    /// <paramref name="isText"/> says false (Markdown's code) is not a tag.
    /// </summary>
    /// <param name="components">MDX: a tag whose name starts with a capital is a component, and its name is one of its classes (<c>IgnoredClasses = Aside</c> leaves <c>&lt;Aside&gt;</c> out).</param>
    public static void Scan(string text, TextSpan region, ValeFileSettings settings, Marks marks, Func<int, bool>? isText = null, bool components = false)
    {
        try
        {
            ScanTags(text, region, settings, marks, isText, components);
        }
        finally
        {
            HtmlReader.TagEnds.Release();
        }
    }

    private static void ScanTags(string text, TextSpan region, ValeFileSettings settings, Marks marks, Func<int, bool>? isText, bool components)
    {
        var skippedTags = settings.SkippedScopes.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        var ignoredTags = settings.IgnoredScopes.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        var ignoredClasses = BuiltInIgnoredClasses.Concat(settings.IgnoredClasses).ToFrozenSet(StringComparer.Ordinal);
        var open = new List<(string Name, int ContentStart, string? Mark)>();
        var unclosedData = false;
        var i = region.Start;
        while (i < region.End)
        {
            var lt = text.IndexOf('<', i, region.End - i);
            if (lt < 0)
            {
                break;
            }

            if (isText is not null && !isText(lt))
            {
                i = lt + 1;
                continue;
            }

            if (string.CompareOrdinal(text, lt, "<!--", 0, 4) == 0)
            {
                var close = text.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = close < 0 ? region.End : close + 3;
                continue;
            }

            if (!ReadTag(text, lt, region.End, out var tag))
            {
                i = lt + 1;
                continue;
            }

            marks.MarkTagSpaces(text, lt, tag.End);
            if (components && !tag.Closing && char.IsAsciiLetterUpper(text[lt + 1]))
            {
                tag = tag with { Classes = [.. tag.Classes, text[(lt + 1)..(lt + 1 + tag.Name.Length)]] };
            }

            i = tag.End;
            if (tag.Closing)
            {
                var index = open.FindLastIndex(o => o.Name == tag.Name);
                if (index < 0)
                {
                    continue;
                }

                for (var k = open.Count - 1; k >= index; k--)
                {
                    Finish(open[k], lt, marks);
                }

                open.RemoveRange(index, open.Count - index);
                continue;
            }

            var inline = InlineTags.Contains(tag.Name);
            var ignoredClass = tag.Classes.Any(ignoredClasses.Contains);
            if (skippedTags.Contains(tag.Name) || (ignoredClass && !inline))
            {
                // Skipped whole, tags and all, up to the end tag that closes it. In Markdown (isText given) an
                // element that is never closed skips only its tag: a stray tag in prose does not end the file's linting.
                var end = tag.SelfClosing || Documents.Html.HtmlReader.IsVoid(tag.Name) ? tag.End : CloseOf(text, tag.Name, tag.End, region.End, isText);
                if (end < 0)
                {
                    end = isText is null ? region.End : tag.End;
                }

                marks.Skip(lt, end - lt);
                i = end;
                continue;
            }

            if (tag.Name == "data" && !tag.SelfClosing && !unclosedData)
            {
                // A <data> element's content is a value for machines with a reading for people: Vale's `meta` scope, not
                // text. Once one is found without an end tag, none after it has one: they are not searched for again.
                var end = CloseOf(text, tag.Name, tag.End, region.End, isText);
                unclosedData = end < 0;
                if (end >= 0)
                {
                    var contentEnd = text.LastIndexOf('<', end - 1);
                    marks.Meta.Add(TextSpan.FromBounds(tag.End, Math.Max(tag.End, contentEnd)));
                    marks.Skip(lt, end - lt);
                    i = end;
                    continue;
                }
            }

            if (RawTextTags.Contains(tag.Name))
            {
                var close = text.IndexOf("</" + tag.Name, tag.End, region.End - tag.End, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? region.End : close;
                continue;
            }

            if (tag.SelfClosing || Documents.Html.HtmlReader.IsVoid(tag.Name))
            {
                continue;
            }

            var mark = (ignoredTags.Contains(tag.Name) && inline) || (ignoredClass && inline) ? "*"
                : tag.Name switch
                {
                    "td" => "table.cell",
                    "th" => "table.header",
                    "caption" => "table.caption",
                    _ => null,
                };

            // Only the elements that mark something are followed (an end tag of another name closes nothing here),
            // and never more than MaxOpen of them: a page of unclosed cells costs no more than a page of closed ones.
            if (mark is not null)
            {
                if (open.Count == MaxOpen)
                {
                    open.RemoveAt(0);
                }

                open.Add((tag.Name, tag.End, mark));
            }
        }

        for (var k = open.Count - 1; k >= 0; k--)
        {
            Finish(open[k], region.End, marks);
        }
    }

    private static void Finish((string Name, int ContentStart, string? Mark) element, int contentEnd, Marks marks)
    {
        if (element.Mark is null || contentEnd <= element.ContentStart)
        {
            return;
        }

        if (element.Mark == "*")
        {
            marks.Star(element.ContentStart, contentEnd - element.ContentStart);
        }
        else
        {
            marks.TableParts.Add((TextSpan.FromBounds(element.ContentStart, contentEnd), element.Mark));
        }
    }

    private const int MaxOpen = 256;

    /// <summary>The end of the end tag that closes an element of <paramref name="name"/> opened before <paramref name="from"/> (nested ones of the same name counted), or -1 when none does.</summary>
    private static int CloseOf(string text, string name, int from, int limit, Func<int, bool>? isText)
    {
        var depth = 1;
        var i = from;
        while (i < limit)
        {
            var lt = text.IndexOf('<', i, limit - i);
            if (lt < 0)
            {
                break;
            }

            if ((isText is not null && !isText(lt)) || !ReadTag(text, lt, limit, out var tag))
            {
                i = lt + 1;
                continue;
            }

            i = tag.End;
            if (tag.Name != name)
            {
                continue;
            }

            if (tag.Closing)
            {
                if (--depth == 0)
                {
                    return tag.End;
                }
            }
            else if (!tag.SelfClosing)
            {
                depth++;
            }
        }

        return -1;
    }

    internal readonly record struct Tag(string Name, bool Closing, bool SelfClosing, int End, string[] Classes);

    /// <summary>A start or end tag at <paramref name="lt"/>: its lower-case name, its classes and where it ends.</summary>
    internal static bool ReadTag(string text, int lt, int limit, out Tag tag)
    {
        tag = default;
        var closing = lt + 1 < limit && text[lt + 1] == '/';
        var nameStart = closing ? lt + 2 : lt + 1;
        if (nameStart >= limit || !char.IsAsciiLetter(text[nameStart]))
        {
            return false;
        }

        var nameEnd = nameStart;
        while (nameEnd < limit && (char.IsAsciiLetterOrDigit(text[nameEnd]) || text[nameEnd] == '-'))
        {
            nameEnd++;
        }

        if (nameEnd < limit && !(char.IsWhiteSpace(text[nameEnd]) || text[nameEnd] is '>' or '/'))
        {
            return false;
        }

        var end = HtmlReader.TagEnd(text, nameEnd, limit);
        if (end < 0)
        {
            return false;
        }

        var attributes = text.AsSpan(nameEnd, end - 1 - nameEnd);
        var selfClosing = attributes.TrimEnd().EndsWith("/");
        tag = new Tag(text[nameStart..nameEnd].ToLowerInvariant(), closing, selfClosing, end, Classes(attributes));
        return true;
    }

    private static string[] Classes(ReadOnlySpan<char> attributes)
    {
        var at = attributes.IndexOf("class", StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var before = at == 0 || char.IsWhiteSpace(attributes[at - 1]);
            var rest = attributes[(at + 5)..].TrimStart();
            if (before && rest.StartsWith("="))
            {
                rest = rest[1..].TrimStart();
                string value;
                if (rest.Length > 0 && rest[0] is '"' or '\'')
                {
                    var close = rest[1..].IndexOf(rest[0]);
                    value = (close < 0 ? rest[1..] : rest.Slice(1, close)).ToString();
                }
                else
                {
                    var stop = rest.IndexOfAny(ValueEnd);
                    value = (stop < 0 ? rest : rest[..stop]).ToString();
                }

                return value.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
            }

            var next = attributes[(at + 5)..].IndexOf("class", StringComparison.OrdinalIgnoreCase);
            at = next < 0 ? -1 : at + 5 + next;
        }

        return [];
    }
}
