using System.Text;
using System.Text.Json.Nodes;

namespace CloudjetGraph.IntegrationTests.HostileInputs;

/// <summary>Builds the HTTP request a hostile case describes, byte for byte where the case says so.</summary>
public static class HostileRequest
{
    public static HttpRequestMessage Build(HostileCase hostileCase, string? authorization)
    {
        ArgumentNullException.ThrowIfNull(hostileCase);
        var method = new HttpMethod(hostileCase.Method);
        var request = method == HttpMethod.Get
            ? new HttpRequestMessage(method, "/graphql?" + QueryString(hostileCase))
            : new HttpRequestMessage(method, "/graphql") { Content = Body(hostileCase) };
        if (hostileCase.Accept is { } accept)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    private static string QueryString(HostileCase hostileCase)
    {
        var parts = new List<string>();
        if (hostileCase.Query is { } query)
        {
            parts.Add("query=" + Uri.EscapeDataString(query));
        }

        if (hostileCase.Variables is { } variables)
        {
            parts.Add("variables=" + Uri.EscapeDataString(variables.ToJsonString()));
        }

        if (hostileCase.OperationName is { } operationName)
        {
            parts.Add("operationName=" + Uri.EscapeDataString(operationName.GetValue<string>()));
        }

        return string.Join('&', parts);
    }

    private static ByteArrayContent Body(HostileCase hostileCase)
    {
        var text = hostileCase.RawBody ?? new JsonObject
        {
            ["query"] = hostileCase.Query,
            ["variables"] = hostileCase.Variables?.DeepClone(),
            ["operationName"] = hostileCase.OperationName?.DeepClone(),
        }.ToJsonString();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", hostileCase.ContentType ?? "application/json");
        return content;
    }
}
