from agreements import views

app_name = "agreements"
urlpatterns = views.AGREEMENTS.urls("agreements")
