using S3Deploy.Cli;
using S3Deploy.Core.Config;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Tests.Targets;

/// <summary>A named target is one layer between the file's top level and the flags, and its mistakes are named by their place.</summary>
public sealed class NamedTargetTests : IDisposable
{
    private const string Config = """
        {
          "source": "site",
          "target": "s3://bucket-a/site",
          "region": "eu-west-1",
          "maxDeletes": 10,
          "cloudfront": { "distributions": ["E1"], "maxPaths": 5 },
          "targets": {
            "staging": { "target": "s3://bucket-staging", "cloudfront": { "maxPaths": 9 } },
            "production": { "region": "us-east-1", "maxDeletes": 3 }
          }
        }
        """;

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private DeployConfig Load(string json) => ConfigFile.Load(temp.Write("s3deploy.json", json));

    [Fact]
    public void A_target_overrides_the_fields_it_sets_and_keeps_the_rest_of_the_top_level()
    {
        var staging = Load(Config).WithTarget("staging").ToOptions(false);
        var production = Load(Config).WithTarget("production").ToOptions(false);

        Assert.Equal("s3://bucket-staging", staging.Target.ToString());
        Assert.Equal("eu-west-1", staging.Connection.Region);
        Assert.Equal(10, staging.MaxDeletes);
        Assert.Equal(["E1"], staging.CloudFront.Distributions);
        Assert.Equal(9, staging.CloudFront.MaxPaths);
        Assert.Equal("s3://bucket-a/site", production.Target.ToString());
        Assert.Equal("us-east-1", production.Connection.Region);
        Assert.Equal(3, production.MaxDeletes);
        Assert.Equal(5, production.CloudFront.MaxPaths);
    }

    [Fact]
    public void Without_a_name_the_top_level_alone_is_used()
    {
        var options = Load(Config).WithTarget(null).ToOptions(false);

        Assert.Equal("s3://bucket-a/site", options.Target.ToString());
        Assert.Equal(10, options.MaxDeletes);
    }

    [Fact]
    public void A_flag_overrides_the_target()
    {
        var flags = new GivenConfig(name => name).Set("maxDeletes", 7, "--max-deletes").ToConfig(temp.Path);

        var options = Load(Config).WithTarget("production").OverriddenBy(flags).ToOptions(false);

        Assert.Equal(7, options.MaxDeletes);
        Assert.Equal("us-east-1", options.Connection.Region);
    }

    [Fact]
    public void A_bad_value_in_a_target_is_named_by_its_line_and_its_place_under_targets()
    {
        var e = Assert.Throws<DeployException>(() => Load("""
            {
              "source": "site",
              "targets": {
                "staging": {
                  "maxDeletes": -1
                }
              }
            }
            """).WithTarget("staging"));

        ConfigErrors.AssertError(e, DiagnosticCode.ConfigBadValue, 5, "targets.staging.maxDeletes: must be 0 or more.");
    }

    [Fact]
    public void A_bad_value_in_a_target_not_chosen_still_fails_before_anything_is_contacted()
    {
        var e = Assert.Throws<DeployException>(() => Load("""
            { "targets": { "staging": {}, "production": { "concurrency": 0 } } }
            """).WithTarget("staging"));

        ConfigErrors.AssertError(e, DiagnosticCode.ConfigBadValue, 1, "targets.production.concurrency: must be between 1 and 256.");
    }

    [Fact]
    public void An_unknown_field_in_a_target_is_named_with_its_line()
    {
        var e = Assert.Throws<DeployException>(() => Load("{\n  \"targets\": {\n    \"staging\": { \"maxDelete\": 3 }\n  }\n}"));

        ConfigErrors.AssertError(e, DiagnosticCode.ConfigUnknownField, 3, "unknown field 'targets.staging.maxDelete'");
    }

    [Fact]
    public void A_target_cannot_hold_targets_of_its_own()
    {
        var e = Assert.Throws<DeployException>(() => Load("""{ "targets": { "a": { "targets": { "b": {} } } } }""").WithTarget("a"));

        ConfigErrors.AssertError(e, DiagnosticCode.ConfigBadValue, 1, "targets.a.targets: a target is an object of top-level fields");
    }

    [Fact]
    public void An_unknown_name_is_a_coded_usage_error_listing_the_known_ones()
    {
        var e = Assert.Throws<DeployException>(() => Load(Config).WithTarget("qa"));

        Assert.Equal("S3D075", e.Code);
        Assert.Equal(FailureKind.Usage, e.Kind);
        Assert.Contains("there is no target 'qa': the known targets are production, staging.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_name_with_a_line_break_cannot_inject_a_line_into_the_error()
    {
        var e = Assert.Throws<DeployException>(() => Load(Config).WithTarget("qa\n::error::forged"));

        Assert.Equal("S3D075", e.Code);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_name_without_any_targets_says_none_are_defined()
    {
        var e = Assert.Throws<DeployException>(() => new DeployConfig().WithTarget("qa"));

        Assert.Equal("S3D075", e.Code);
        Assert.Contains("no \"targets\" are defined", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_action_input_target_chooses_the_target()
    {
        temp.Write("s3deploy.json", Config);
        var inputs = new Dictionary<string, string?> { ["INPUT_SOURCE"] = "site", ["INPUT_BUCKET"] = "bucket-a", ["INPUT_TARGET"] = "production" };

        var options = new ActionInputs(inputs.GetValueOrDefault).ToOptions(temp.Path);

        Assert.Equal("production", options.TargetName);
        Assert.Equal("us-east-1", options.Connection.Region);
        Assert.Equal(3, options.MaxDeletes);
    }

    [Fact]
    public void With_a_target_input_the_bucket_input_may_come_from_the_named_target()
    {
        temp.Write("s3deploy.json", Config);
        var inputs = new Dictionary<string, string?> { ["INPUT_SOURCE"] = "site", ["INPUT_TARGET"] = "staging" };

        var options = new ActionInputs(inputs.GetValueOrDefault).ToOptions(temp.Path);

        Assert.Equal("s3://bucket-staging", options.Target.ToString());
    }
}
