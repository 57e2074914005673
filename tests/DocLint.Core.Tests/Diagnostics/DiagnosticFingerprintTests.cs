using System.Security.Cryptography;
using System.Text;
using DocLint.Core.Diagnostics;

namespace DocLint.Core.Tests.Diagnostics;

public class DiagnosticFingerprintTests
{
    private static string Expected(string hashed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hashed)))[..32];

    [Fact]
    public void The_hash_covers_the_rule_the_match_and_the_sentence_each_normalised()
    {
        DiagnosticFingerprint.Compute("DL1", " It’s", "  It’s   A\ttest\n").Should().Be(Expected("DL1\0it's\0it's a test"));
    }

    [Fact]
    public void A_sentence_normalised_beforehand_hashes_as_the_sentence_itself()
    {
        const string sentence = "  Wir  fahren\u00A0nach ÖSTERREICH, it’s   “FAR”.\n";
        var normalized = DiagnosticFingerprint.Normalize(sentence);

        normalized.Should().Be("wir fahren nach österreich, it's “far”.");
        DiagnosticFingerprint.Compute("Style.Rule", "ÖSTERREICH", normalized, sentenceNormalized: true)
            .Should().Be(DiagnosticFingerprint.Compute("Style.Rule", "ÖSTERREICH", sentence))
            .And.Be(Expected("Style.Rule\0österreich\0wir fahren nach österreich, it's “far”."));
    }
}
