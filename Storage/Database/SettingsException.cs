namespace Storage;

/// <summary>A setting is missing or wrong; the message names the setting and what to put there.</summary>
public sealed class SettingsException(string message) : Exception(message);
