-- The operators' gauge of failed webhook deliveries counts them often; only the failed ones are read.
create index webhook_delivery_failed on webhook_delivery (subscription_id) where state = 'FAILED';
