using S3Deploy.Core;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Scanning;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests;

public class SafetyGuardsTests
{
    private static readonly ScanResult EmptyScan = new([], []);

    private static DeployOptions Options(bool delete = true, bool allowEmpty = false, int maxDeletes = DeployOptions.DefaultMaxDeletes) => new()
    {
        Source = "./dist",
        Target = S3Target.Parse("s3://my-site/www"),
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
        SafetyGuards.CheckSource(new ScanResult([File("index.html", "x")], []), Options());

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
}
