using System.Text;
using DocLint.Core.Diagnostics;

namespace DocLint.Core.Tests.Diagnostics;

public class Sha256Tests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void The_standards_test_vectors_hash_to_their_published_digests(string message, string digest)
    {
        Span<byte> hash = stackalloc byte[Sha256.HashSizeInBytes];
        Sha256.HashData(Encoding.ASCII.GetBytes(message), hash);

        Convert.ToHexStringLower(hash).Should().Be(digest);
    }

    [Fact]
    public void Every_length_across_block_and_padding_boundaries_hashes_as_the_platforms_SHA256()
    {
        var random = new Random(20261201);
        var hash = new byte[Sha256.HashSizeInBytes];
        for (var length = 0; length <= 1100; length++)
        {
            var message = new byte[length];
            random.NextBytes(message);
            Sha256.HashData(message, hash);
            hash.Should().Equal(System.Security.Cryptography.SHA256.HashData(message), $"for {length} bytes");
        }
    }
}
