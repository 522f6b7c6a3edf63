// The delivery state a Subscription shows when read (package notification): computed from the gateway's own
// bookkeeping when the Subscription is shown, never stored, and dropped when a client sends it back.

Extension: SubscriptionLastDelivery
Id: subscription-last-delivery
Title: "Last delivery of a notification"
Description: "When the subscriber's endpoint last took a notification of this Subscription (shown on read, not stored). Dansk: Seneste levering."
Context: Subscription
* value[x] only instant

Extension: SubscriptionLastFailure
Id: subscription-last-failure
Title: "Last failed delivery"
Description: "When a delivery to the subscriber's endpoint last failed (shown on read, not stored). Dansk: Seneste fejlede levering."
Context: Subscription
* value[x] only instant

Extension: SubscriptionLastFailureReason
Id: subscription-last-failure-reason
Title: "Reason of the last failed delivery"
Description: "What went wrong in the last failed delivery, e.g. the endpoint's HTTP status (shown on read, not stored). Dansk: Årsag til seneste fejl."
Context: Subscription
* value[x] only string

Extension: SubscriptionQueued
Id: subscription-queued
Title: "Notifications queued"
Description: "Notifications of this Subscription waiting for delivery (shown on read, not stored). Dansk: Ventende notifikationer."
Context: Subscription
* value[x] only unsignedInt
