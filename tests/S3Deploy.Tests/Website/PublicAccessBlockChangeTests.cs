using Amazon.S3.Model;
using S3Deploy.Core.Website;

namespace S3Deploy.Tests.Website;

public sealed class PublicAccessBlockChangeTests
{
    [Fact]
    public void No_block_configured_needs_no_change() => Assert.Null(PublicAccessBlockChange.Relax(null));

    [Fact]
    public void Only_the_policy_settings_are_turned_off_and_the_acl_settings_stay()
    {
        var current = new PublicAccessBlockConfiguration { BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true, RestrictPublicBuckets = true };

        var relaxed = PublicAccessBlockChange.Relax(current)!;

        Assert.True(relaxed.BlockPublicAcls);
        Assert.True(relaxed.IgnorePublicAcls);
        Assert.False(relaxed.BlockPublicPolicy);
        Assert.False(relaxed.RestrictPublicBuckets);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Either_policy_setting_alone_is_enough_to_need_a_change(bool blockPolicy, bool restrict)
    {
        var current = new PublicAccessBlockConfiguration { BlockPublicAcls = false, IgnorePublicAcls = false, BlockPublicPolicy = blockPolicy, RestrictPublicBuckets = restrict };

        Assert.NotNull(PublicAccessBlockChange.Relax(current));
    }

    [Fact]
    public void Acl_blocks_alone_do_not_stand_in_the_way_of_a_public_policy()
    {
        var current = new PublicAccessBlockConfiguration { BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = false, RestrictPublicBuckets = false };

        Assert.Null(PublicAccessBlockChange.Relax(current));
    }
}
