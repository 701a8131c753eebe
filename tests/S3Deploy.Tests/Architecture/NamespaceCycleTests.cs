using S3Deploy.Core;

namespace S3Deploy.Tests.Architecture;

public sealed class NamespaceCycleTests
{
    private const string Root = "S3Deploy.Core";
    private static readonly NamespaceGraph Core = NamespaceGraph.Of(typeof(Deployer).Assembly, Root);

    [Fact]
    public void Core_namespaces_use_each_other_without_a_cycle()
    {
        // The root holds the pipeline (Deployer, PlanApplier) and its input and output (DeployOptions, DeployResult): it uses
        // the folders, and a folder takes only the parts of the options it needs, so the whole forms layers.
        var cycle = Core.FindCycle();

        Assert.True(cycle is null, $"Namespace cycle in {Root}: {string.Join(" -> ", cycle ?? [])}\n{Explain(cycle ?? [])}");
    }

    [Fact]
    public void Only_the_root_runs_the_pipeline()
    {
        Assert.Empty(Core.UsersOf(typeof(Deployer)));
    }

    [Fact]
    public void The_graph_sees_the_uses_between_folders()
    {
        // Guards the cycle test against passing on a graph that sees nothing.
        Assert.Contains("S3Deploy.Core.Planning", Core.Edges["S3Deploy.Core.Applying"]);
        Assert.Contains("S3Deploy.Core.Scanning", Core.Edges[Root]);
    }

    [Fact]
    public void A_cycle_is_found_and_spelled_out()
    {
        var graph = new NamespaceGraph([("A", "B"), ("B", "C"), ("C", "A"), ("C", "D")]);

        Assert.Equal(["A", "B", "C", "A"], graph.FindCycle());
    }

    [Fact]
    public void A_layered_graph_has_no_cycle()
    {
        var graph = new NamespaceGraph([("A", "B"), ("A", "C"), ("B", "C")]);

        Assert.Null(graph.FindCycle());
    }

    private static string Explain(IReadOnlyList<string> cycle) =>
        string.Join('\n', cycle.Zip(cycle.Skip(1), (from, to) => $"  {from} -> {to}: {Core.Example(from, to)}"));
}
