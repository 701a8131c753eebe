using System.Net;

namespace S3Deploy.Core.Remote;

/// <summary>Gives every response body a <see cref="MinimumRateStream"/>, so a trickling server cannot hold a request forever.</summary>
internal sealed class MinimumRateHandler(TimeSpan grace, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var original = response.Content;
        var body = new MinimumRateStream(await original.ReadAsStreamAsync(cancellationToken), grace);
        var guarded = new StreamContent(body);
        foreach (var (name, values) in original.Headers)
        {
            guarded.Headers.TryAddWithoutValidation(name, values);
        }

        response.Content = guarded;
        return response;
    }
}
