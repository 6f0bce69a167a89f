namespace PlacementBroker.Core.Dps;

public class DpsParticipant
{
    public Guid DpsId { get; set; }
    public Guid LocalAuthorityId { get; set; }
    public Identity.LocalAuthority? LocalAuthority { get; set; }
}
