"""Your-turn exercises of the application-services notebooks, one module per notebook; answers come from the models.

>>> from awslab.app_services.exercises import step_functions as ex
>>> ex.retry_total.check(56).right
True

References:
    - Each exercise module cites its notebook's pages; the answers come from the chapter's models, whose
      References list the AWS documentation (see awslab.app_services.eventbridge, stepfunctions, lambda_scale),
      https://docs.aws.amazon.com/ (read 2026-12-03)
"""
