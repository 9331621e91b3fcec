"""Management chapter models: CloudWatch alarms, CloudFormation templates, Config rules, Trusted Advisor checks."""
