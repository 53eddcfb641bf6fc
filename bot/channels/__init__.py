"""Channel adapters: translate a provider's updates into `IncomingMessage` and replies
back into the provider's format. They know nothing of dialogs or storage."""
