using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using S3Deploy.ActionTests.Infrastructure;
using S3Deploy.Cli.Output;

namespace S3Deploy.ActionTests;

/// <summary>Azure output variables use only the characters Azure documents for variable names: letters, digits, '_' and '.'.</summary>
public sealed partial class AzureVariableNameTests
{
    [Theory]
    [InlineData("uploaded", "uploaded")]
    [InlineData("headers-updated", "headersUpdated")]
    [InlineData("bytes-uploaded", "bytesUploaded")]
    [InlineData("invalidation-ids", "invalidationIds")]
    [InlineData("website-url", "websiteUrl")]
    public void A_hyphenated_output_becomes_a_camel_case_variable(string output, string variable)
    {
        Assert.Equal(variable, AzureDialect.VariableName(output));
    }

    [Fact]
    public void Every_output_of_the_action_is_declared_by_the_task_under_a_valid_azure_name()
    {
        var action = File.ReadAllText(Path.Combine(RepoPaths.Root, "action.yml")).ReplaceLineEndings("\n");
        var outputs = OutputName().Matches(action.Split("\noutputs:\n")[1].Split("\n\n")[0]).Select(m => m.Groups[1].Value).ToList();
        var task = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "action", "azure", "task", "task.json")))!;
        var declared = task["outputVariables"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()).ToList();

        Assert.Contains("headers-updated", outputs);
        Assert.Equal(outputs.Select(AzureDialect.VariableName), declared);
        Assert.All(declared, name => Assert.Matches("^[A-Za-z0-9_.]+$", name));
    }

    [GeneratedRegex(@"^  ([a-z-]+):$", RegexOptions.Multiline)]
    private static partial Regex OutputName();
}
