using System.Net.Http.Headers;
using System.Text.Json;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Remote;

/// <summary>
/// GitHub's OIDC token for AWS, asked for the way actions/core does: GET ACTIONS_ID_TOKEN_REQUEST_URL with
/// audience=sts.amazonaws.com and the request token as bearer. Present only with <c>permissions: id-token: write</c>.
/// Neither token ever reaches a message: a failure says the HTTP status, nothing of what was sent or answered.
/// </summary>
internal static class GitHubOidcToken
{
    public const string Audience = "sts.amazonaws.com";

    /// <summary>The token's source when the runner offers one, else null.</summary>
    public static Func<CancellationToken, Task<string>>? FromEnvironment(Func<string, string?> environment, HttpClient? http = null)
    {
        var url = environment("ACTIONS_ID_TOKEN_REQUEST_URL");
        var bearer = environment("ACTIONS_ID_TOKEN_REQUEST_TOKEN");
        if (string.IsNullOrEmpty(url) || string.IsNullOrEmpty(bearer))
        {
            return null;
        }

        return ct => FetchAsync(http ?? Shared.Value, url, bearer, ct);
    }

    private static readonly Lazy<HttpClient> Shared = new(() => new HttpClient { Timeout = TimeSpan.FromSeconds(30) });

    private static async Task<string> FetchAsync(HttpClient http, string url, string bearer, CancellationToken ct)
    {
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        using var request = new HttpRequestMessage(HttpMethod.Get, url + separator + "audience=" + Uri.EscapeDataString(Audience));
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", bearer);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw Failed($"HTTP {(int)response.StatusCode}");
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
            return json.RootElement.TryGetProperty("value", out var value) && value.GetString() is { Length: > 0 } token ? token : throw Failed("the answer has no \"value\"");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw Failed(e.GetType().Name);
        }
    }

    private static DeployException Failed(string why) => new(
        DiagnosticCode.OidcTokenFailed,
        FailureKind.Service,
        $"GitHub's OIDC token could not be fetched ({why}). The job needs 'permissions: id-token: write'; pull requests from forks get no token.");
}
