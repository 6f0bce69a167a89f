using PlacementBroker.Web.Tests.Security;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using Xunit.Abstractions;

namespace PlacementBroker.Web.Tests.Fixtures;

/// <summary>A market of its own: the fuzzer may change anything in it.</summary>
public class FuzzMarketApp : SecurityMarketApp;
