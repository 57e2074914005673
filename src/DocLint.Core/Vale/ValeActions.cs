using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DocLint.Core.Diagnostics;
using DocLint.Core.Text;

namespace DocLint.Core.Vale;

/// <summary>
/// A Vale <c>action</c> as a DocLint fix or suggestions. A fix is made only where the edit is fully determined:
/// <c>replace</c> with one replacement (several are offered as suggestions), <c>remove</c> (one space next to
/// the match goes with it), <c>edit</c> (regex, trim_right, trim_left, trim, truncate, split). <c>suggest</c>
/// (spellings, scripts) yields nothing. A finding inside a quotation offers neither: quoted words are not the writer's to change.
/// </summary>
public static class ValeActions
{
    /// <summary>The patterns of <c>edit</c> actions, compiled once each.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> EditPatterns = new(StringComparer.Ordinal);

    public static (TextEdit? Fix, ImmutableArray<string> Suggestions) For(ValeAction action, TextSpan span, string matched)
    {
        switch (action.Name)
        {
            case "replace" when action.Params.Length == 1:
                return (new TextEdit(span, Replace(matched, action.Params[0])), [action.Params[0]]);
            case "replace" when action.Params.Length > 1:
                return (null, action.Params);
            case "remove":
                return (new TextEdit(span, ""), []);
            case "edit" when Edit(action.Params, matched) is { } edited && edited != matched:
                return (new TextEdit(span, edited), [edited]);
            default:
                return (null, []);
        }
    }

    /// <summary>The edit that puts one of a finding's suggestions in place of the matched text, as a <c>replace</c> action would.</summary>
    public static TextEdit SuggestionEdit(TextSpan span, string matched, string suggestion) => new(span, Replace(matched, suggestion));

    /// <summary>
    /// The text a replacement leaves: the match's words replaced, the spaces and the separating comma, semicolon or colon
    /// around them kept. A key such as <c>\b(?:eg|e\.g\.)[\s,]</c> matches "e.g. " and "e.g.,", and the words alone are
    /// to change: "e.g. apples" → "for example apples", not "for exampleapples".
    /// </summary>
    private static string Replace(string matched, string replacement)
    {
        var start = 0;
        while (start < matched.Length && char.IsWhiteSpace(matched[start]))
        {
            start++;
        }

        var end = matched.Length;
        while (end > start && IsSeparator(matched[end - 1]))
        {
            end--;
        }

        // A match of separators alone ("  " → " "), or a replacement that writes its own, is the rule's to change.
        if (start == end || replacement.Length == 0 || IsSeparator(replacement[0]) || IsSeparator(replacement[^1]))
        {
            return KeepCase(matched, replacement);
        }

        return matched[..start] + KeepCase(matched[start..end], replacement) + matched[end..];

        static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c is ',' or ';' or ':';
    }

    /// <summary>A replacement keeps a capital the match starts with ("Utilize" → "Use").</summary>
    private static string KeepCase(string matched, string replacement) =>
        matched.Length > 0 && replacement.Length > 0 && char.IsUpper(matched[0]) && char.IsLower(replacement[0]) ? CapitalizeFirst(replacement) : replacement;

    /// <summary>The text with its first character in upper case.</summary>
    internal static string CapitalizeFirst(string text) => text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    private static string? Edit(ImmutableArray<string> parameters, string matched)
    {
        if (parameters.IsEmpty)
        {
            return null;
        }

        var arg = parameters.Length > 1 ? parameters[1] : " ";
        try
        {
            return parameters[0] switch
            {
                "regex" when parameters.Length >= 3 => EditPatterns.GetOrAdd(parameters[1], p => ValeRegex.Compile(p)).Replace(matched, parameters[2]),
                "trim_right" => matched.TrimEnd(arg.ToCharArray()),
                "trim_left" => matched.TrimStart(arg.ToCharArray()),
                "trim" => matched.Trim(arg.ToCharArray()),
                "truncate" => matched.Split(arg)[0],
                "split" when parameters.Length >= 3 && int.TryParse(parameters[2], out var index) && matched.Split(arg) is { } parts && index < parts.Length => parts[index],
                _ => null,
            };
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
