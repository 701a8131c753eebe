using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace S3Deploy.Tests.Edge;

/// <summary>
/// Runs generated viewer-request code in node, in a bare vm context: only the language's built-ins, no require, no
/// process, no timers, no console, as in cloudfront-js-2.0. Every job of a batch runs in the one node process.
/// </summary>
internal static class FunctionHarness
{
    private const string Script = """
        const vm = require('vm');
        const jobs = JSON.parse(require('fs').readFileSync(0, 'utf8'));
        const out = jobs.map(job => {
          const ctx = vm.createContext(Object.create(null));
          try { vm.runInContext(job.code, ctx, { timeout: 2000 }); } catch (e) { return job.events.map(() => ({ error: 'load: ' + e })); }
          return job.events.map(e => {
            ctx.__event = JSON.stringify(e);
            try { return { result: JSON.parse(vm.runInContext('JSON.stringify(handler(JSON.parse(__event)))', ctx, { timeout: 2000 })) }; }
            catch (x) { return { error: String(x) }; }
          });
        });
        process.stdout.write(JSON.stringify(out));
        """;

    /// <summary>For each job (code and events), what handler(event) returned, as JSON, or the error it threw.</summary>
    public static IReadOnlyList<IReadOnlyList<JsonNode>> Run(IReadOnlyList<(string Code, IReadOnlyList<JsonObject> Events)> jobs)
    {
        var input = new JsonArray(jobs.Select(j => (JsonNode)new JsonObject
        {
            ["code"] = j.Code,
            ["events"] = new JsonArray(j.Events.Select(e => (JsonNode)e.DeepClone()).ToArray()),
        }).ToArray());
        var start = new ProcessStartInfo("node", ["-e", Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        node.StandardInput.Write(input.ToJsonString());
        node.StandardInput.Close();
        var stderr = node.StandardError.ReadToEndAsync();
        var output = node.StandardOutput.ReadToEnd();
        node.WaitForExit();
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"node exited with {node.ExitCode}: {stderr.Result}");
        }

        return JsonNode.Parse(output)!.AsArray().Select(a => (IReadOnlyList<JsonNode>)a!.AsArray().Select(r => r!).ToList()).ToList();
    }
}
