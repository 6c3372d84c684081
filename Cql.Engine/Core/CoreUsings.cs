// The core is what every layer may use (README "Layout"), so every file of the engine sees it without naming it.
// Every other dependency is a `using` a reader can see, and LayerRulesTests checks that it points down the layers.
global using Cql.Engine.Core;
