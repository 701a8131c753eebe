using System.Text.Json;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Cli.Output;
using S3Deploy.Core;
using S3Deploy.Core.Headers;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests;

public class DeployResultJsonTests
{
    [Fact]
    public void Result_json_carries_every_field_of_the_contract()
    {
        var headersOnly = Desired("about.html", "<p/>");
        var state = State(
            [Remote("about.html", "<p/>"), Remote("changed.css", "old"), Remote("gone.js", "x"), Remote("same.css", "same")],
            [("about.html", EntryFor(headersOnly, Remote("about.html", "<p/>"), new ObjectHeaders("text/plain"))), ("same.css", EntryFor(Desired("same.css", "same"), Remote("same.css", "same")))]);
        var plan = Plan([Desired("new.css", "12345"), Desired("changed.css", "1234567"), headersOnly, Desired("same.css", "same")], state);
        var result = DeployResult.FromPlan(plan, dryRun: true, TimeSpan.FromMilliseconds(1234.9), [Diagnostic.Warning("S3D101", "Skipped 'x'.")]);

        using var doc = JsonDocument.Parse(DeployResultJson.Write(result));
        var root = doc.RootElement;

        Assert.True(root.GetProperty("dryRun").GetBoolean());
        Assert.Equal(2, root.GetProperty("uploaded").GetInt32());
        Assert.Equal(1, root.GetProperty("headersUpdated").GetInt32());
        Assert.Equal(1, root.GetProperty("deleted").GetInt32());
        Assert.Equal(1, root.GetProperty("unchanged").GetInt32());
        Assert.Equal(12, root.GetProperty("bytesUploaded").GetInt64());
        Assert.Equal(1234, root.GetProperty("durationMs").GetInt64());
        Assert.Equal(["S3D101 Skipped 'x'."], root.GetProperty("warnings").EnumerateArray().Select(w => $"{w.GetProperty("code").GetString()} {w.GetProperty("message").GetString()}"));
        var actions = root.GetProperty("actions").EnumerateArray()
            .Select(a => (a.GetProperty("key").GetString(), a.GetProperty("action").GetString(), a.GetProperty("reason").GetString()))
            .ToList();
        Assert.Equal(
            [("new.css", "upload", "new"), ("changed.css", "upload", "content"), ("about.html", "update-headers", "headers"), ("gone.js", "delete", "stale")],
            actions);
        Assert.All(root.GetProperty("actions").EnumerateArray(), a => Assert.Equal(3, a.EnumerateObject().Count()));
    }

    [Fact]
    public void Result_that_changed_nothing_has_an_empty_action_list()
    {
        var result = DeployResult.FromPlan(Plan([], EmptyBucket()), dryRun: false, TimeSpan.Zero, []);

        using var doc = JsonDocument.Parse(DeployResultJson.Write(result));
        var root = doc.RootElement;

        Assert.False(root.GetProperty("dryRun").GetBoolean());
        Assert.Equal(0, root.GetProperty("uploaded").GetInt32());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("actions").ValueKind);
        Assert.Equal(0, root.GetProperty("actions").GetArrayLength());
        Assert.True(result.ChangedNothing);
    }

    [Fact]
    public void Keys_with_quotes_and_unicode_survive_the_json()
    {
        const string key = "say \"hi\"/caf\u00e9\\x.html";
        var result = DeployResult.FromPlan(Plan([Desired(key, "x")], EmptyBucket()), false, TimeSpan.Zero, []);

        using var doc = JsonDocument.Parse(DeployResultJson.Write(result));

        Assert.Equal(key, doc.RootElement.GetProperty("actions")[0].GetProperty("key").GetString());
    }
}
