using System.Security.Cryptography;

namespace S3Deploy.Tests.Memory;

/// <summary>Small files are read in one pooled read, larger ones streamed: both give the file's size and MD5, at the boundary too.</summary>
public sealed class SmallFileHashTests : ScanTest
{
    [Theory]
    [InlineData(1)]
    [InlineData(65_535)]
    [InlineData(65_536)]
    [InlineData(65_537)]
    [InlineData(131_073)]
    public async Task Size_and_md5_are_the_files_either_side_of_the_pooled_buffer(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        Site.Write("f.bin", bytes);
        Site.Write("g.bin", [.. bytes.Reverse()]);

        var scan = await Scan(Site.Path);

        Assert.Equal(2, scan.Files.Count);
        Assert.All(scan.Files, f => Assert.Equal(size, f.Size));
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(bytes)), scan.Files[0].Md5Hex);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData([.. bytes.Reverse()])), scan.Files[1].Md5Hex);
    }
}
