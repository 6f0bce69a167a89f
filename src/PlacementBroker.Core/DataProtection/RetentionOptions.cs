namespace PlacementBroker.Core.DataProtection;

/// <summary>How long personal data is kept, under <c>PlacementBroker:Retention</c>. See docs/operations.md.</summary>
public class RetentionOptions
{
    public const string Section = "PlacementBroker:Retention";

    /// <summary>Days after a referral closes without a placement (withdrawn or unfilled) before its copy of the child's identity is anonymised.</summary>
    public int UnplacedReferralIdentityDays { get; set; } = 365;

    /// <summary>Days after an email is delivered (or given up on) before its stored body is deleted; subject, recipient and dates stay.</summary>
    public int EmailBodyDays { get; set; } = 90;

    /// <summary>
    /// Days after a referral closes without a placement, or after its placement ends, before the documents attached to it
    /// are deleted from the store. Providers stop seeing them at once when the referral closes without them.
    /// </summary>
    public int DocumentDays { get; set; } = 365;

    public static bool AreValid(RetentionOptions o) =>
        o.UnplacedReferralIdentityDays is >= 30 and <= 3650 && o.EmailBodyDays is >= 1 and <= 3650 && o.DocumentDays is >= 30 and <= 3650;
}
