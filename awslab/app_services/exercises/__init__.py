"""Your-turn exercises of the application-services notebooks, one module per notebook; answers come from the models.

>>> from awslab.app_services.exercises import step_functions as ex
>>> ex.retry_total.check(56).right
True
"""
