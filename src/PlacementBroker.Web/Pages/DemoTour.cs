using PlacementBroker.Core.Referrals;
using PlacementBroker.Core.Seeding;

namespace PlacementBroker.Web.Pages;

public enum TourStepState
{
    CannotStartYet,
    ToDo,
    Done,
}

/// <summary>One step of the guided first run: what to do, the page it is done on (when it can be), and how far it has got.</summary>
public sealed record TourStep(string Key, string Text, string Hint, string? Href, TourStepState State);

/// <summary>
/// The guided first run on a placing officer's home page in the demo: send the prepared referral, watch offers arrive,
/// see why the first ranks first, accept it, print the agreement. Each step's state is read from the referral itself.
/// </summary>
public sealed record DemoTour(Guid? ReferralId, string? ChildReference, IReadOnlyList<TourStep> Steps, bool ProvidersAnswerThemselves, bool DraftExpired = false)
{
    /// <summary>
    /// Another referral can be prepared once the last was sent (to go round again), or when its deadline for offers
    /// has passed before it was sent (a demo database kept for days).
    /// </summary>
    public bool CanPrepareAnother => ReferralId is null || Steps[0].State == TourStepState.Done || DraftExpired;

    public static async Task<DemoTour?> LoadAsync(PlacementBrokerDbContext db, OfferService offers, Actor officer, IUrlHelper url, bool providersAnswer, DateTime now)
    {
        var authorityId = officer.LocalAuthorityId!.Value;
        if (!await DemoMarketToday.Lots(db, authorityId).AnyAsync())
        {
            return null; // A council outside every DPS (or without a fostering lot) has nowhere to send the prepared referral.
        }
        var referral = await db.Referrals.AsNoTracking()
            .Where(r => r.LocalAuthorityId == authorityId && r.CreatedByUserId == officer.UserId && r.ChildReference.StartsWith(DemoMarketToday.TryItPrefix))
            .OrderByDescending(r => r.CreatedAt).Select(r => new { r.Id, r.ChildReference, r.Status, r.OfferDeadline }).FirstOrDefaultAsync();
        if (referral is null)
        {
            return new DemoTour(null, null, [], providersAnswer);
        }
        var ranked = referral.Status == ReferralStatus.Draft ? [] : await offers.RankedOffersAsync(officer, referral.Id) ?? [];
        var live = ranked.Where(o => o.Status is OfferStatus.Submitted or OfferStatus.PendingApproval or OfferStatus.Accepted).ToList();
        var top = live.Where(o => o.Status == OfferStatus.Submitted).OrderBy(o => o.Rank).FirstOrDefault();
        var accepted = live.FirstOrDefault(o => o.Status is OfferStatus.Accepted or OfferStatus.PendingApproval);
        var placementId = await db.Placements.AsNoTracking().Where(p => p.ReferralId == referral.Id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        var sent = referral.Status != ReferralStatus.Draft;
        var show = url.Page("/Referrals/Show", new { id = referral.Id });

        TourStepState State(bool done, bool canStart) => done ? TourStepState.Done : canStart ? TourStepState.ToDo : TourStepState.CannotStartYet;
        var steps = new List<TourStep>
        {
            new("send", "Send the prepared referral",
                "A nine-year-old who needs a fostering family: check the answers, then send it to every provider on the lot",
                sent ? null : url.Page("/Referrals/Check", new { id = referral.Id }), State(sent, true)),
            new("watch", "Watch the offers arrive",
                providersAnswer
                    ? "The demo providers answer within a minute: offers appear on the referral, ranked, without reloading the page"
                    : "Sign in as a demo provider in another browser to make an offer: it appears on the referral without reloading",
                sent ? show : null, State(live.Count > 0, sent)),
            new("why", "See why the first offer ranks first",
                "Open \u201cWhy it scores\u201d on the first offer: needs met, Ofsted grade, price against the benchmark, distance from home and QA status",
                top is not null || accepted is not null ? url.Page("/Referrals/Show", null, new { id = referral.Id }, null, null, $"offer-{(accepted ?? top)!.Id}") : null,
                State(accepted is not null, live.Count > 0)),
            new("accept", "Accept an offer",
                "Accepting makes the placement at once, or asks the placement manager to approve an exception (a price above the band, or a provider with concerns)",
                accepted is null && top is not null ? url.Page("/Referrals/Accept", new { id = referral.Id, offerId = top.Id }) : null,
                State(accepted is not null, top is not null)),
            new("agreement", "Print the Individual Placement Agreement",
                placementId is null && accepted is { Status: OfferStatus.PendingApproval }
                    ? $"Waiting for the placement manager: sign in as placement.manager@{officer.Email.Split('@')[^1]} to approve it"
                    : "The agreement between your council and the provider, ready to print or save as a PDF",
                placementId is { } id ? url.Page("/Placements/Agreement", new { id }) : null,
                State(false, placementId is not null)),
        };
        return new DemoTour(referral.Id, referral.ChildReference, steps, providersAnswer, DraftExpired: !sent && referral.OfferDeadline <= now);
    }
}
