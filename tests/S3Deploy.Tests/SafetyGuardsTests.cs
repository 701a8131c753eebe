using S3Deploy.Core;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Scanning;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests;

public class SafetyGuardsTests
{
    private static readonly string[] EmptyScan = [];

    private static DeployOptions Options(bool delete = true, bool allowEmpty = false, int maxDeletes = DeployOptions.DefaultMaxDeletes, string prefix = "www") => new()
    {
        Source = "./dist",
        Target = S3Target.Parse("s3://my-site/" + prefix),
        Delete = delete,
        AllowEmpty = allowEmpty,
        MaxDeletes = maxDeletes,
    };

    [Fact]
    public void Empty_source_that_would_delete_everything_is_refused()
    {
        var e = Assert.Throws<DeployException>(() => SafetyGuards.CheckSource(EmptyScan, Options()));

        Assert.Equal("S3D003", e.Code);
        Assert.Equal(FailureKind.Refused, e.Kind);
        Assert.Contains("--allow-empty", e.Message, StringComparison.Ordinal);
        Assert.Contains("s3://my-site/www", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_source_is_allowed_with_allow_empty() =>
        SafetyGuards.CheckSource(EmptyScan, Options(allowEmpty: true));

    [Fact]
    public void Empty_source_is_allowed_when_nothing_is_deleted() =>
        SafetyGuards.CheckSource(EmptyScan, Options(delete: false));

    [Fact]
    public void Source_with_files_passes() =>
        SafetyGuards.CheckSource(["index.html"], Options());

    [Fact]
    public void More_deletes_than_max_deletes_are_refused_with_the_count()
    {
        var plan = Plan([], State([Remote("a", "1"), Remote("b", "2"), Remote("c", "3")]));

        var e = Assert.Throws<DeployException>(() => SafetyGuards.CheckDeletes(plan, Options(maxDeletes: 2)));

        Assert.Equal("S3D004", e.Code);
        Assert.Equal(FailureKind.Refused, e.Kind);
        Assert.Contains("delete 3 objects", e.Message, StringComparison.Ordinal);
        Assert.Contains("--max-deletes 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("--max-deletes 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deletes_equal_to_max_deletes_pass()
    {
        var plan = Plan([], State([Remote("a", "1"), Remote("b", "2")]));

        SafetyGuards.CheckDeletes(plan, Options(maxDeletes: 2));
    }

    [Fact]
    public void Max_deletes_zero_refuses_a_single_delete_but_not_uploads()
    {
        var uploadsOnly = Plan([Desired("a.css", "x"), Desired("b.css", "y")], EmptyBucket());
        var oneDelete = Plan([], State([Remote("old", "1")]));

        SafetyGuards.CheckDeletes(uploadsOnly, Options(maxDeletes: 0));
        Assert.Equal("S3D004", Assert.Throws<DeployException>(() => SafetyGuards.CheckDeletes(oneDelete, Options(maxDeletes: 0))).Code);
    }

    [Fact]
    public void Key_that_fits_alone_but_not_under_the_prefix_is_refused()
    {
        var key = new string('k', 1000);

        var e = Assert.Throws<DeployException>(() => SafetyGuards.CheckSource([key], Options(prefix: new string('p', 30))));

        Assert.Equal(DiagnosticCode.BadOption, e.Code);
        Assert.Contains("1024-byte", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prefix_that_leaves_no_room_for_the_manifest_key_is_refused_even_when_every_file_fits()
    {
        // 1,005 + "/" + "index.html" fits in 1,024 bytes; 1,005 + "/" + ".s3deploy/manifest.json" does not, and the deploy
        // used to upload every file and then fail writing the manifest, on every run.
        var e = Assert.Throws<DeployException>(() => SafetyGuards.CheckSource(["index.html"], Options(prefix: new string('p', 1005))));

        Assert.Equal(DiagnosticCode.BadOption, e.Code);
        Assert.Contains(".s3deploy/manifest.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirect_key_too_long_under_the_prefix_is_refused()
    {
        var options = Options(prefix: new string('p', 900)) with { Redirects = new Dictionary<string, string> { ["/" + new string('r', 200)] = "/new/" } };

        var e = Assert.Throws<DeployException>(() => SafetyGuards.CheckSource(["index.html"], options));

        Assert.Equal(DiagnosticCode.BadOption, e.Code);
    }
}
