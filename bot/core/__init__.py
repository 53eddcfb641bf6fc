"""The runtime every dialog runs on: message types, the dialog engine, the conversation service, identity and the ports to storage."""
