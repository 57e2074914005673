using System.Buffers;
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
    /// <summary>
    /// The first hashes of a process are computed in managed code (<see cref="Sha256"/>): a short run then never loads
    /// OpenSSL, which costs it more than all its hashes; past these, the platform's implementation (the same digest,
    /// faster per byte) takes over for a run with many findings.
    /// </summary>
    private const int ManagedHashes = 1000;

    private static int _hashes;

    /// <summary>The hash part of a fingerprint (32 hex digits).</summary>
    /// <remarks>
    /// The cost is bounded whatever the sentence: at most <see cref="Engine.Limits.FingerprintMatch"/>
    /// characters of the match and <see cref="Engine.Limits.FingerprintContext"/> of the sentence on either
    /// side of it are hashed (<see cref="Window"/>), so a long sentence with many findings costs linear time.
    /// </remarks>
    public static string Compute(string ruleId, ReadOnlySpan<char> matched, ReadOnlySpan<char> sentence) =>
        Compute(ruleId, matched, sentence, sentenceNormalized: false);

    /// <summary>
    /// The hash part of a fingerprint, with <paramref name="sentence"/> already in its normal form when
    /// <paramref name="sentenceNormalized"/> is true (<see cref="Normalize"/>): a caller hashing many findings of
    /// one sentence normalises it once.
    /// </summary>
    public static string Compute(string ruleId, ReadOnlySpan<char> matched, ReadOnlySpan<char> sentence, bool sentenceNormalized)
    {
        matched = matched[..Math.Min(matched.Length, Engine.Limits.FingerprintMatch)];
        // The hashed text is "id\0matched\0sentence", normalised, in UTF-8; it is built in pooled buffers
        // since every finding computes one.
        var chars = ArrayPool<char>.Shared.Rent(ruleId.Length + matched.Length + sentence.Length + 2);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(chars.Length));
        try
        {
            var length = 0;
            ruleId.CopyTo(chars);
            length += ruleId.Length;
            chars[length++] = '\0';
            length += TermSyntax.Normalize(matched, chars.AsSpan(length), caseSensitive: false);
            chars[length++] = '\0';
            if (sentenceNormalized)
            {
                sentence.CopyTo(chars.AsSpan(length));
                length += sentence.Length;
            }
            else
            {
                length += TermSyntax.Normalize(sentence, chars.AsSpan(length), caseSensitive: false);
            }
            var byteCount = Encoding.UTF8.GetBytes(chars.AsSpan(0, length), bytes);
            Span<byte> hash = stackalloc byte[Sha256.HashSizeInBytes];
            if (Interlocked.Increment(ref _hashes) <= ManagedHashes)
            {
                Sha256.HashData(bytes.AsSpan(0, byteCount), hash);
            }
            else
            {
                SHA256.HashData(bytes.AsSpan(0, byteCount), hash);
            }

            return Convert.ToHexStringLower(hash[..16]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The normal form of a sentence as a fingerprint hashes it: white space folded, apostrophes alike, lower case.</summary>
    public static string Normalize(ReadOnlySpan<char> sentence) => TermSyntax.Normalize(sentence, caseSensitive: false);

    /// <summary>
    /// The part of <paramref name="sentence"/> a finding at <paramref name="match"/> (both in the same text)
    /// hashes: the whole sentence when it is short, otherwise <see cref="Engine.Limits.FingerprintContext"/>
    /// characters on either side of the match's start.
    /// </summary>
    public static Text.TextSpan Window(Text.TextSpan sentence, Text.TextSpan match)
    {
        var context = Engine.Limits.FingerprintContext;
        if (sentence.Length <= 2 * context)
        {
            return sentence;
        }

        var start = Math.Clamp(match.Start - context, sentence.Start, sentence.End);
        return Text.TextSpan.FromBounds(start, Math.Min(sentence.End, Math.Max(start, match.Start) + context));
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
