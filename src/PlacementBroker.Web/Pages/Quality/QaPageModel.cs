namespace PlacementBroker.Web.Pages.Quality;

/// <summary>A QA officer's page. Everything it needs is on <see cref="PlacementBrokerPageModel"/>; the folder's policy is the role check.</summary>
public abstract class QaPageModel : PlacementBrokerPageModel;
