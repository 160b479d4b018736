from django.urls import path

from relations import opendata, views

app_name = "relations"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/", views.SearchView.as_view(), name="search"),
    *views.DELEGATIONS.urls("delegations"),
    *views.MEETINGS.urls("meetings"),
    path("data/", opendata.DataDictionaryView.as_view(), name="data"),
    path("data/all.zip", opendata.download, name="data-download"),
    path("data/datapackage.json", opendata.datapackage, name="datapackage"),
    path("feeds/", opendata.RecordsFeed(), name="feed"),
    path("feeds/<str:kind>/", opendata.RecordsFeed(), name="feed-kind"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<path:key>/", views.ArticleDetailView.as_view(), name="article-detail"),
]
