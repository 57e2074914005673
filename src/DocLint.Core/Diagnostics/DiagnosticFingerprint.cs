using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using DocLint.Core.Rules.Matching;

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
        var text = $"{ruleId}\0{TermSyntax.Normalize(matched, caseSensitive: false)}\0{TermSyntax.Normalize(sentence, caseSensitive: false)}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
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
}
