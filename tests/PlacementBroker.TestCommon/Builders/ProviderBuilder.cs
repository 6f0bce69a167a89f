using PlacementBroker.Core;

namespace PlacementBroker.TestCommon;

/// <summary>A self-registered provider (a children's home unless told, as the default lot is for residential care), verified unless told otherwise.</summary>
public sealed class ProviderBuilder(TestData data)
{
    private ProviderType _type = ProviderType.ResidentialChildrensHome;
    private bool _verified = true;
    private string? _name;

    public ProviderBuilder OfType(ProviderType type) { _type = type; return this; }
    public ProviderBuilder ChildrensHome() => OfType(ProviderType.ResidentialChildrensHome);
    public ProviderBuilder Unverified() { _verified = false; return this; }
    public ProviderBuilder Named(string name) { _name = name; return this; }

    public Task<TestProvider> CreateAsync() => data.CreateProviderAsync(_type, _verified, _name);
}
