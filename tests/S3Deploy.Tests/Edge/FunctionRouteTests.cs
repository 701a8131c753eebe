using System.Text.Json.Nodes;
using S3Deploy.Core.Edge;

namespace S3Deploy.Tests.Edge;

/// <summary>The generated function, run by node against viewer-request events: every case of the table in one node process.</summary>
public sealed class FunctionRouteTests(FunctionRouteTests.Answers answers) : IClassFixture<FunctionRouteTests.Answers>
{
    public static TheoryData<string, string, string, string, string> Cases { get; } = Table();

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_function_answers_each_request_as_the_site_is_laid_out(string site, string uri, string query, string acceptEncoding, string expected) =>
        Assert.Equal(expected, answers.For(site, uri, query, acceptEncoding));

    private static TheoryData<string, string, string, string, string> Table()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var (site, uri, query, encoding, expected) in FunctionRouteCases.All)
        {
            data.Add(site, uri, query, encoding, expected);
        }

        return data;
    }

    /// <summary>Generates each site's code and runs the whole table once.</summary>
    public sealed class Answers
    {
        private readonly Dictionary<(string, string, string, string), string> outcomes = [];

        public Answers()
        {
            var bySite = FunctionRouteCases.All.GroupBy(c => c.Site).ToList();
            var jobs = bySite.Select(g => (
                FunctionCode.Render(EdgeRoutes.From(EdgeSites.All[g.Key])),
                (IReadOnlyList<JsonObject>)g.Select(c => ViewerRequest.Event(c.Uri, c.Query, c.AcceptEncoding.Length == 0 ? null : c.AcceptEncoding)).ToList())).ToList();
            var results = FunctionHarness.Run(jobs);
            for (var i = 0; i < bySite.Count; i++)
            {
                foreach (var (c, answer) in bySite[i].Zip(results[i]))
                {
                    outcomes[(c.Site, c.Uri, c.Query, c.AcceptEncoding)] = ViewerRequest.Outcome(answer);
                }
            }
        }

        public string For(string site, string uri, string query, string acceptEncoding) => outcomes[(site, uri, query, acceptEncoding)];
    }
}
