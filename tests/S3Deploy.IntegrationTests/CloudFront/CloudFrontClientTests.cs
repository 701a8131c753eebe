using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Diagnostics;
using Failure = S3Deploy.TestSupport.FakeCloudFront.Failure;

namespace S3Deploy.IntegrationTests.CloudFront;

public sealed class CloudFrontClientTests : IDisposable
{
    private const string Distribution = "E2FAKEDIST";
    private static readonly CloudFrontRetryPolicy Fast = new(4, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20), 3, TimeSpan.FromMilliseconds(10));

    private readonly FakeCloudFront server = new();
    private readonly HttpClient http = new(new SocketsHttpHandler { UseProxy = false });

    public CloudFrontClientTests() => server.AddDistribution(Distribution, "site-bucket", originPath: "/prod");

    public void Dispose()
    {
        http.Dispose();
        server.Dispose();
    }

    [Fact]
    public async Task Created_invalidation_is_polled_until_completed()
    {
        server.PollsBeforeCompleted = 2;
        var client = Client();

        var created = await client.CreateInvalidationAsync(Distribution, ["/index.html", "/docs/*"], "deploy-1", CancellationToken.None);
        var statuses = new List<string>();
        for (var i = 0; i < 10 && statuses.LastOrDefault() != "Completed"; i++)
        {
            statuses.Add((await client.GetInvalidationAsync(Distribution, created.Id, CancellationToken.None)).Status);
        }

        Assert.Equal("InProgress", created.Status);
        Assert.Equal(["/index.html", "/docs/*"], created.Paths);
        Assert.NotNull(created.CreateTime);
        Assert.Equal(["InProgress", "InProgress", "Completed"], statuses);
        var post = server.Requests[0];
        Assert.Equal(("POST", $"/2020-05-31/distribution/{Distribution}/invalidation"), (post.Method, post.Path));
        Assert.Equal("application/xml", post.Headers["Content-Type"]);
        Assert.Equal(
            "<InvalidationBatch xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><CallerReference>deploy-1</CallerReference><Paths><Items><Path>/index.html</Path><Path>/docs/*</Path></Items><Quantity>2</Quantity></Paths></InvalidationBatch>",
            post.Body);
        Assert.Matches(@"^AWS4-HMAC-SHA256 Credential=AKIDFAKECLOUDFRONT/\d{8}/us-east-1/cloudfront/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}$", post.Headers["Authorization"]);
        Assert.Single(server.Invalidations(Distribution));
    }

    [Fact]
    public async Task Server_errors_are_retried_without_creating_a_second_invalidation()
    {
        server.FailNext(2, Failure.ServiceUnavailable);

        var created = await Client().CreateInvalidationAsync(Distribution, ["/*"], "deploy-503", CancellationToken.None);

        Assert.Equal([503, 503, 201], server.Requests.Select(r => r.Status));
        Assert.Single(server.Requests.Select(r => r.Body).Distinct());
        Assert.Equal(created.Id, Assert.Single(server.Invalidations(Distribution)).Id);
    }

    [Fact]
    public async Task Busy_distribution_is_waited_out_and_invalidated_once()
    {
        server.FailNext(1, Failure.TooManyInvalidationsInProgress);

        await Client().CreateInvalidationAsync(Distribution, ["/a.html"], "deploy-busy", CancellationToken.None);

        Assert.Equal([400, 201], server.Requests.Select(r => r.Status));
        Assert.Single(server.Invalidations(Distribution));
    }

    [Fact]
    public async Task Throttling_is_retried()
    {
        server.FailNext(2, Failure.Throttling);

        await Client().CreateInvalidationAsync(Distribution, ["/a.html"], "deploy-throttled", CancellationToken.None);

        Assert.Equal([400, 400, 201], server.Requests.Select(r => r.Status));
        Assert.Single(server.Invalidations(Distribution));
    }

    [Fact]
    public async Task Retry_after_a_lost_response_gets_the_invalidation_already_made()
    {
        server.FailNext(1, Failure.LoseResponse);

        var created = await Client().CreateInvalidationAsync(Distribution, ["/index.html"], "deploy-lost", CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(created.Id, Assert.Single(server.Invalidations(Distribution)).Id);
    }

    [Fact]
    public async Task Same_caller_reference_with_other_paths_is_rejected()
    {
        var client = Client();
        await client.CreateInvalidationAsync(Distribution, ["/a.html"], "deploy-x", CancellationToken.None);

        var e = await Assert.ThrowsAsync<DeployException>(() => client.CreateInvalidationAsync(Distribution, ["/b.html"], "deploy-x", CancellationToken.None));

        Assert.Equal(CloudFrontCodes.InvalidationRejected, e.Code);
        Assert.Contains("InvalidationBatchAlreadyExists", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_token_is_sent_and_signed()
    {
        server.SessionToken = "session/token+value==";

        await Client(token: "session/token+value==").GetDistributionConfigAsync(Distribution, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal(200, request.Status);
        Assert.Equal("session/token+value==", request.Headers["X-Amz-Security-Token"]);
        Assert.Contains("SignedHeaders=host;x-amz-date;x-amz-security-token,", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_secret_fails_the_signature_without_showing_it()
    {
        const string wrongSecret = "not-the-secret-0123456789abcdef";

        var e = await Assert.ThrowsAsync<DeployException>(() => Client(secret: wrongSecret).GetDistributionConfigAsync(Distribution, CancellationToken.None));

        Assert.Equal(DiagnosticCode.BadCredentials, e.Code);
        Assert.Single(server.Requests);
        Assert.DoesNotContain(wrongSecret, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrongSecret, e.InnerException!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_distribution_is_a_coded_error()
    {
        var e = await Assert.ThrowsAsync<DeployException>(() => Client().CreateInvalidationAsync("ENOSUCH", ["/*"], "deploy-2", CancellationToken.None));

        Assert.Equal(CloudFrontCodes.NoSuchDistribution, e.Code);
        Assert.Equal(FailureKind.Service, e.Kind);
        Assert.Contains("'ENOSUCH'", e.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Distribution_config_gives_the_origin_bucket_and_path()
    {
        var config = await Client().GetDistributionConfigAsync(Distribution, CancellationToken.None);

        var origin = Assert.Single(config.Origins);
        Assert.Equal("site-bucket.s3.us-east-1.amazonaws.com", origin.DomainName);
        Assert.Equal("/prod", origin.OriginPath);
        Assert.Equal("index.html", config.DefaultRootObject);
        Assert.Equal(("GET", $"/2020-05-31/distribution/{Distribution}/config"), (server.Requests[0].Method, server.Requests[0].Path));
    }

    [Fact]
    public async Task Persistent_server_errors_give_up_after_max_attempts()
    {
        server.FailNext(10, Failure.ServiceUnavailable);

        var e = await Assert.ThrowsAsync<DeployException>(() => Client().CreateInvalidationAsync(Distribution, ["/*"], "deploy-down", CancellationToken.None));

        Assert.Equal(CloudFrontCodes.Unavailable, e.Code);
        Assert.Equal(Fast.MaxAttempts, server.Requests.Count);
        Assert.Empty(server.Invalidations(Distribution));
    }

    [Fact]
    public async Task Busy_distribution_gives_up_after_its_own_limit()
    {
        server.FailNext(10, Failure.TooManyInvalidationsInProgress);

        var e = await Assert.ThrowsAsync<DeployException>(() => Client().CreateInvalidationAsync(Distribution, ["/*"], "deploy-busy-long", CancellationToken.None));

        Assert.Equal(CloudFrontCodes.TooManyInvalidations, e.Code);
        Assert.Equal(Fast.BusyRetries + 1, server.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_stops_a_retry_wait()
    {
        server.FailNext(1, Failure.TooManyInvalidationsInProgress);
        var patient = Fast with { BusyDelay = TimeSpan.FromMinutes(10) };
        using var cancel = new CancellationTokenSource();

        var creating = Client(retry: patient).CreateInvalidationAsync(Distribution, ["/*"], "deploy-cancel", cancel.Token);
        while (server.Requests.Count == 0 && !creating.IsCompleted)
        {
            await Task.Delay(10);
        }

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => creating.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(server.Requests);
    }

    private CloudFrontClient Client(string? token = null, string secret = FakeCloudFront.SecretKey, CloudFrontRetryPolicy? retry = null) =>
        new(http, AwsCredentialSource.Fixed(FakeCloudFront.AccessKey, secret, token), CloudFrontEndpoint.FromUrl(server.Endpoint.ToString()), retry ?? Fast);
}
