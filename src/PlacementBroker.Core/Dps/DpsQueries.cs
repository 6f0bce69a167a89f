using System.Linq.Expressions;

namespace PlacementBroker.Core.Dps;

/// <summary>
/// Tenancy of a DPS: a local authority sees a DPS, and its lots, when it leads the DPS or takes part in it
/// (is one of its participants). Written as expressions so that each use stays one SQL query on every provider.
/// </summary>
public static class DpsQueries
{
    /// <summary>The authority leads the DPS or takes part in it. A null authority sees none.</summary>
    public static Expression<Func<DynamicPurchasingSystem, bool>> IsVisibleTo(Guid? authorityId) =>
        d => d.LeadLocalAuthorityId == authorityId || d.Participants.Any(p => p.LocalAuthorityId == authorityId);

    /// <summary>The lot belongs to a DPS the authority leads or takes part in (<see cref="IsVisibleTo"/> over <c>l.Dps</c>).</summary>
    public static Expression<Func<DpsLot, bool>> LotIsVisibleTo(Guid? authorityId)
    {
        var dps = IsVisibleTo(authorityId);
        var lot = Expression.Parameter(typeof(DpsLot), "l");
        var body = new ReplaceParameter(dps.Parameters[0], Expression.Property(lot, nameof(DpsLot.Dps))).Visit(dps.Body);
        return Expression.Lambda<Func<DpsLot, bool>>(body, lot);
    }

    /// <summary>The DPSs the authority leads or takes part in.</summary>
    public static IQueryable<DynamicPurchasingSystem> VisibleTo(this IQueryable<DynamicPurchasingSystem> query, Guid? authorityId) =>
        query.Where(IsVisibleTo(authorityId));

    /// <summary>The lots of the DPSs the authority leads or takes part in.</summary>
    public static IQueryable<DpsLot> VisibleTo(this IQueryable<DpsLot> query, Guid? authorityId) =>
        query.Where(LotIsVisibleTo(authorityId));

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
