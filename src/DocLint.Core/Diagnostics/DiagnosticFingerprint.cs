using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace DocLint.Core.Diagnostics;

/// <summary>
/// Stable identities for findings, used by SARIF's partialFingerprints and by baselines. The hash covers
/// the rule id, the matched words and the sentence around them, each with white space folded and case
/// ignored, and not the line number, so edits elsewhere in the file leave it unchanged.
/// </summary>
public static class DiagnosticFingerprint
{
    /// <summary>The hash part of a fingerprint (32 hex digits).</summary>
    public static string Compute(string ruleId, ReadOnlySpan<char> matched, ReadOnlySpan<char> sentence)
    {
        var text = new StringBuilder(ruleId.Length + matched.Length + sentence.Length + 2);
        text.Append(ruleId).Append('\0');
        AppendNormalized(text, matched);
        text.Append('\0');
        AppendNormalized(text, sentence);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>Appends ":1", ":2", … so that identical hashes in one file stay distinct, in document order.</summary>
    public static ImmutableArray<Diagnostic> NumberOccurrences(IReadOnlyList<Diagnostic> sorted)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<Diagnostic>(sorted.Count);
        foreach (var diagnostic in sorted)
        {
            if (diagnostic.Fingerprint is not { } hash)
            {
                result.Add(diagnostic);
                continue;
            }

            var count = seen[hash] = seen.GetValueOrDefault(hash) + 1;
            result.Add(diagnostic with { Fingerprint = $"{hash}:{count}" });
        }

        return result.MoveToImmutable();
    }

    private static void AppendNormalized(StringBuilder builder, ReadOnlySpan<char> text)
    {
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c is '’' or '‘' ? '\'' : char.ToLowerInvariant(c));
        }
    }
}
