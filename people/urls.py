from people import views

app_name = "people"
urlpatterns = [*views.OFFICIALS.urls("officials"), *views.ORGANIZATIONS.urls("organizations")]
