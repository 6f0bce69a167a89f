using PlacementBroker.TestCommon;
using PlacementBroker.Web.Hosting;

namespace PlacementBroker.Web.Tests.Fixtures;

/// <summary>PostgreSQL with documents in an Azure Storage container of its own on Azurite, on a real Kestrel port.</summary>
public class AzuritePostgresApp : PlacementBrokerApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    protected override bool RealServer => true;
    public string Container { get; } = "documents-" + Guid.NewGuid().ToString("N")[..12];

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["PlacementBroker:Documents:Store"] = "AzureBlob",
        ["ConnectionStrings:Documents"] = TestEnvironment.Azurite,
        ["PlacementBroker:Documents:Container"] = Container,
    };
}
